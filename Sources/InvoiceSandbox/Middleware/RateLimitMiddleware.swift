import Hummingbird
import InvoiceAPI

/// Zuora's rate limit: at most `rateLimitPerMinute` requests per minute on `/v1`; beyond it, 429 with
/// `Retry-After` (the seconds until the window resets). Every `/v1` answer carries `ratelimit-limit`,
/// `ratelimit-remaining` and `ratelimit-reset`.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let state: SandboxState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let limit = state.configuration.rateLimitPerMinute
        guard limit > 0 else { return try await next(request, context) }
        let decision = state.rateLimit.take(limit: limit)
        let headers: HTTPFields = [
            .rateLimitLimit: String(limit),
            .rateLimitRemaining: String(decision.remaining),
            .rateLimitReset: String(decision.resetSeconds),
        ]
        guard decision.allowed else {
            var refusal = headers
            refusal[.retryAfter] = String(decision.resetSeconds)
            return try ProviderError(
                .tooManyRequests, headers: refusal,
                .failures(
                    [SandboxFailure(
                        .concurrencyLimit,
                        "The rate limit of \(limit) requests per minute is exhausted; retry in \(decision.resetSeconds) s"
                    )],
                    operation: OperationCode.general
                )
            ).response(from: request, context: context)
        }
        var response = try await RenderedResponse.of(request, context, next)
        response.headers.append(contentsOf: headers)
        return response
    }
}
