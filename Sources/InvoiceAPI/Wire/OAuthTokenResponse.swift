/// The answer of `POST /oauth/token` (the OpenAPI's `tokenResponse`), with Swift-cased properties.
///
/// `expires_in` is in seconds from the moment the token was issued; a client caches the token for that long
/// (less a margin) instead of asking for one per request, since the token endpoint is rate limited itself.
public struct OAuthTokenResponse: Codable, Sendable, Hashable {
    public var accessToken: String
    /// `bearer`.
    public var tokenType: String
    /// Seconds until the token expires.
    public var expiresIn: Int
    public var scope: String?
    /// The token's unique ID.
    public var jti: String?

    public init(accessToken: String, tokenType: String, expiresIn: Int, scope: String? = nil, jti: String? = nil) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
        self.scope = scope
        self.jti = jti
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case scope
        case jti
    }
}
