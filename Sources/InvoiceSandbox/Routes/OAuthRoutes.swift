import Hummingbird
import InvoiceAPI

/// `POST /oauth/token`: Zuora's OAuth client-credentials grant (form `client_id`, `client_secret`,
/// `grant_type=client_credentials`) → `{access_token, token_type, expires_in, scope, jti}`.
///
/// Itself rate limited (`tokenRequestsPerMinute`, with the OpenAPI's `X-RateLimit-*-minute` headers): a
/// client must cache its token, never fetch one per request. Errors follow RFC 6749 section 5.2.
struct OAuthRoutes {
    let state: SandboxState

    func register(on router: Router<SandboxRequestContext>) {
        router.group("oauth")
            .add(middleware: FaultMiddleware(state: state, injectsFaults: false))
            .post("token", use: token)
    }

    @Sendable func token(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let configuration = state.configuration
        var headers: HTTPFields = [:]
        if configuration.tokenRequestsPerMinute > 0 {
            let decision = state.tokenRateLimit.take(limit: configuration.tokenRequestsPerMinute)
            headers[.tokenRateLimitLimit] = String(configuration.tokenRequestsPerMinute)
            headers[.tokenRateLimitRemaining] = String(decision.remaining)
            guard decision.allowed else {
                state.stats.recordTokenRequest(issued: false)
                headers[.retryAfter] = String(decision.resetSeconds)
                throw ProviderError(
                    .tooManyRequests, headers: headers,
                    .oauth(
                        error: "too_many_requests",
                        description: "More than \(configuration.tokenRequestsPerMinute) token requests this minute; "
                            + "cache the token for its expires_in instead of asking for a new one"
                    )
                )
            }
        }
        let form = FormBody.parse(String(buffer: try await request.body.collect(upTo: 64 * 1024)))
        guard let grantType = form["grant_type"], let clientID = form["client_id"],
            let clientSecret = form["client_secret"]
        else {
            state.stats.recordTokenRequest(issued: false)
            throw ProviderError(
                .badRequest, headers: headers,
                .oauth(
                    error: "invalid_request",
                    description: "client_id, client_secret and grant_type are required (form-encoded)"
                )
            )
        }
        guard grantType == "client_credentials" else {
            state.stats.recordTokenRequest(issued: false)
            throw ProviderError(
                .badRequest, headers: headers,
                .oauth(error: "unsupported_grant_type", description: "grant_type must be client_credentials")
            )
        }
        guard clientID == configuration.credentials.clientID, clientSecret == configuration.credentials.clientSecret
        else {
            state.stats.recordTokenRequest(issued: false)
            throw ProviderError(
                .unauthorized, headers: headers,
                .oauth(error: "invalid_client", description: "The client ID or client secret is not valid")
            )
        }
        let token = state.issueToken()
        state.stats.recordTokenRequest(issued: true)
        var response = Response.json(
            OAuthTokenResponse(
                accessToken: token,
                tokenType: "bearer",
                expiresIn: Int((configuration.tokenTTL / .seconds(1)).rounded(.down)),
                scope: "entity.sandbox platform.write service.invoices.write",
                jti: String(token.prefix(16))
            )
        )
        response.headers.append(contentsOf: headers)
        return response
    }
}

/// `application/x-www-form-urlencoded` decoding: `&`-separated `name=value`, `+` for space, percent escapes.
enum FormBody {
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            fields[name] = parts.count == 2 ? decode(parts[1]) : ""
        }
        return fields
    }

    static func decode(_ text: Substring) -> String {
        PathKey.decode(String(text.map { $0 == "+" ? " " : $0 }))
    }
}
