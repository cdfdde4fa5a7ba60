/// A bare `{"message": …}` body: Zuora's 401 (`{"message":"Authentication error"}`, the OpenAPI's
/// `ProxyUnauthorizedResponse`) and the CRUD API's `rejectUnknownFields` 400
/// (`{"message":"Error - unrecognised fields"}`).
public struct ProxyMessage: Codable, Sendable, Hashable {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    /// The CRUD API's answer to unknown fields when `rejectUnknownFields=true`.
    public static let unrecognisedFields = ProxyMessage(message: "Error - unrecognised fields")
    /// Zuora's answer to a missing, unknown or expired bearer token.
    public static let authenticationError = ProxyMessage(message: "Authentication error")
}
