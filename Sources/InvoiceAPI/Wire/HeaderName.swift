/// The names of the provider headers both sides use, spelled once.
///
/// Plain strings, so `InvoiceAPI` stays free of any HTTP library; HTTP header names are case-insensitive, the
/// spelling here is the one the pages use.
public enum HeaderName {
    /// A caller-chosen trace ID, echoed by Zuora (at most 64 US-ASCII characters, none of `: ; " '`).
    public static let zuoraTrackID = "Zuora-Track-Id"
    /// Zuora's own 36-character ID of the request, on every answer.
    public static let zuoraRequestID = "Zuora-Request-Id"
    public static let zuoraEntityIDs = "Zuora-Entity-Ids"
    public static let zuoraOrgIDs = "Zuora-Org-Ids"
    public static let zuoraVersion = "Zuora-Version"
    /// The kind of concurrency limit that applies (`Default`).
    public static let concurrencyLimitType = "Concurrency-Limit-Type"
    /// Requests the tenant may have in flight.
    public static let concurrencyLimitLimit = "Concurrency-Limit-Limit"
    /// Requests the tenant may still start now.
    public static let concurrencyLimitRemaining = "Concurrency-Limit-Remaining"
    /// The quota of the rate-limit window closest to exhaustion (the sandbox sends the per-minute quota as a
    /// plain integer; the OpenAPI types it as a string, so read its leading integer).
    public static let rateLimitLimit = "ratelimit-limit"
    /// Requests left in that window.
    public static let rateLimitRemaining = "ratelimit-remaining"
    /// Seconds until that window resets.
    public static let rateLimitReset = "ratelimit-reset"
    /// The token endpoint's per-minute quota (OpenAPI `POST /oauth/token`).
    public static let tokenRateLimitLimit = "X-RateLimit-Limit-minute"
    /// The token endpoint's requests left this minute.
    public static let tokenRateLimitRemaining = "X-RateLimit-Remaining-minute"
    /// Seconds to wait before trying again, on a 429 or 503.
    public static let retryAfter = "Retry-After"
    /// AppZen: the API key.
    public static let appZenAPIKey = "x-api-key"
    /// AppZen: the customer ID.
    public static let appZenCustomerID = "customer-id"
    /// AppZen: the customer key.
    public static let appZenCustomerKey = "customer-key"
}
