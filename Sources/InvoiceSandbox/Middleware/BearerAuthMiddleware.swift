import Hummingbird
import InvoiceAPI

/// `/v1` needs `Authorization: Bearer <token>` with a token from `POST /oauth/token` that has not expired;
/// otherwise 401 `{"message":"Authentication error"}` with Zuora's `WWW-Authenticate` (the OpenAPI's 401).
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let state: SandboxState

    static let challenge = "Basic realm=Zuora API, ZSession realm=Zuora API, Bearer realm=Zuora API"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let token = Self.bearerToken(request.headers[.authorization]), state.tokens.isValid(token) else {
            throw ProviderError(
                .unauthorized, headers: [.wwwAuthenticate: Self.challenge],
                .message(ProxyMessage.authenticationError.message)
            )
        }
        return try await next(request, context)
    }

    /// The token of `Bearer <token>` (the scheme in any case).
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingSpaces()
        return token.isEmpty ? nil : token
    }
}
