import HTTPTypes
import InvoiceAPI

/// The provider headers as `HTTPField.Name`s, from the one spelling in `InvoiceAPI.HeaderName`.
extension HTTPField.Name {
    static let zuoraTrackID = HTTPField.Name(HeaderName.zuoraTrackID)!
    static let zuoraRequestID = HTTPField.Name(HeaderName.zuoraRequestID)!
    static let concurrencyLimitType = HTTPField.Name(HeaderName.concurrencyLimitType)!
    static let concurrencyLimitLimit = HTTPField.Name(HeaderName.concurrencyLimitLimit)!
    static let concurrencyLimitRemaining = HTTPField.Name(HeaderName.concurrencyLimitRemaining)!
    static let rateLimitLimit = HTTPField.Name(HeaderName.rateLimitLimit)!
    static let rateLimitRemaining = HTTPField.Name(HeaderName.rateLimitRemaining)!
    static let rateLimitReset = HTTPField.Name(HeaderName.rateLimitReset)!
    static let tokenRateLimitLimit = HTTPField.Name(HeaderName.tokenRateLimitLimit)!
    static let tokenRateLimitRemaining = HTTPField.Name(HeaderName.tokenRateLimitRemaining)!
    static let appZenAPIKey = HTTPField.Name(HeaderName.appZenAPIKey)!
    static let appZenCustomerID = HTTPField.Name(HeaderName.appZenCustomerID)!
    static let appZenCustomerKey = HTTPField.Name(HeaderName.appZenCustomerKey)!
}
