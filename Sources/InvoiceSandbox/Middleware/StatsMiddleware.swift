import Hummingbird

/// Counts every request by route and status (the outermost layer, so it sees the final answer), and a
/// dropped connection as status `reset` — before resetting it, so the count is there when the client notices.
struct StatsMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let state: SandboxState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            let response = try await RenderedResponse.of(request, context, next)
            state.stats.recordRequest(route: route(request, context), status: String(response.status.code))
            return response
        } catch let error as ConnectionDropped {
            state.stats.recordRequest(route: route(request, context), status: "reset")
            await ConnectionDropped.reset(context.channel)
            throw error
        } catch {
            state.stats.recordRequest(route: route(request, context), status: "500")
            throw error
        }
    }

    private func route(_ request: Request, _ context: Context) -> String {
        "\(request.method) \(context.endpointPath ?? "NotFound")"
    }
}
