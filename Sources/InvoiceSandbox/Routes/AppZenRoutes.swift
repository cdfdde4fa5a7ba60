import Hummingbird
import InvoiceAPI

/// `POST /dictionary-data-services/invoice/{uuid}/status-sync` (action `appzen-sync`): 200 with an empty body
/// (the page); an unknown uuid is 404 with the page's own message; a body that is not JSON or breaks the
/// request rules (including a field the sample request does not have, such as the page's hyphenated names)
/// is 400. Error bodies are AppZen's `{timestamp, status, error, message: "Error code : <hex> - …"}`.
struct AppZenRoutes {
    let state: SandboxState

    func register(on router: Router<SandboxRequestContext>) {
        router.group("dictionary-data-services")
            .add(middleware: AppZenAuthMiddleware(state: state))
            .add(middleware: FaultMiddleware(state: state))
            .post("invoice/{uuid}/status-sync", use: statusSync)
    }

    @Sendable func statusSync(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let uuid = PathKey.decode(context.parameters.get("uuid") ?? "")
        guard let slot = state.store.slot(forAppZenUUID: uuid) else {
            throw ProviderError(.notFound, SandboxFailure(.notFound, "The resource you specified cannot be not found"))
        }
        let body = try await request.jsonObject(maxBytes: state.configuration.maxBodyBytes)
        let violations = RequestRules.check(.appzenSync, body: body)
        guard violations.isEmpty else {
            throw ProviderError(.badRequest, violations.map { ViolationMapping.restFailure($0, body: body) })
        }
        let invoice = slot.withLock { invoice in
            invoice.appZenStatus = body
            return invoice
        }
        state.stats.recordChange(
            AppliedChange(action: .appzenSync, fields: body, requestID: context.requestID, trackID: nil),
            to: invoice
        )
        return Response(status: .ok)
    }
}
