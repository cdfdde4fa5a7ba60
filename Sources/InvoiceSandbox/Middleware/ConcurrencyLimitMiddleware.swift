import Hummingbird
import InvoiceAPI

/// Zuora's concurrency limit: at most `concurrencyLimit` requests in flight on `/v1`; one more is answered 429
/// with `Retry-After`. Every `/v1` answer carries `Concurrency-Limit-Type/-Limit/-Remaining`, so a client can
/// back off before it is refused.
struct ConcurrencyLimitMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let state: SandboxState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let limit = state.configuration.concurrencyLimit
        guard limit > 0 else { return try await next(request, context) }
        guard let remaining = state.concurrency.enter(limit: limit) else {
            var headers = Self.headers(limit: limit, remaining: 0)
            headers[.retryAfter] = "1"
            return try ProviderError(
                .tooManyRequests, headers: headers, .failures(
                    [SandboxFailure(
                        .concurrencyLimit,
                        "More than \(limit) requests in flight for this tenant (the concurrency limit); retry later"
                    )],
                    operation: OperationCode.general
                )
            ).response(from: request, context: context)
        }
        defer { state.concurrency.leave() }
        var response = try await RenderedResponse.of(request, context, next)
        response.headers.append(contentsOf: Self.headers(limit: limit, remaining: remaining))
        return response
    }

    static func headers(limit: Int, remaining: Int) -> HTTPFields {
        [
            .concurrencyLimitType: "Default",
            .concurrencyLimitLimit: String(limit),
            .concurrencyLimitRemaining: String(remaining),
        ]
    }
}
