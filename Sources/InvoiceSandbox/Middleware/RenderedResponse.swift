import Hummingbird

/// Calls the rest of the chain and turns a thrown `HTTPResponseError` into its response.
///
/// Hummingbird renders such errors only at the router, outside every middleware; the sandbox's outer layers
/// (statistics, Zuora headers, gzip, limit headers) must see and decorate error answers like any other.
enum RenderedResponse {
    static func of(
        _ request: Request, _ context: SandboxRequestContext,
        _ next: (Request, SandboxRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            return try error.response(from: request, context: context)
        }
    }
}
