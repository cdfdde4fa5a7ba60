import Hummingbird
import InvoiceAPI

/// `PUT /v1/invoices/{invoiceKey}/e-invoice/sync-status` (action `einvoice-sync`) and
/// `PUT /v1/invoices/{invoiceKey}/e-invoice/cancel` (action `einvoice-cancel`).
///
/// Sync answers `{success, processId, requestId}` and schedules the background step (see
/// `SandboxInvoice.requestEInvoiceSync`); a request body, which the page does not define, is ignored.
/// Cancel answers the page's sample `{"success": true}`.
struct EInvoiceRoutes {
    let state: SandboxState

    func register(on v1: RouterGroup<SandboxRequestContext>) {
        v1.put("invoices/{invoiceKey}/e-invoice/sync-status", use: sync)
        v1.put("invoices/{invoiceKey}/e-invoice/cancel", use: cancel)
    }

    @Sendable func sync(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let operation = OperationCode.syncEInvoice
        let query = request.queryObject(InvoiceAction.einvoiceSync.querySchema)
        let violations = RequestRules.check(.einvoiceSync, body: nil, query: query)
        guard violations.isEmpty else {
            throw ProviderError(operation: operation, violations.map { ViolationMapping.restFailure($0, body: nil) })
        }
        let slot = try InvoiceRoutes.slot(state, context, operation: operation)
        let delay = state.configuration.einvoiceSyncDelay
        let invoice: SandboxInvoice
        do {
            invoice = try slot.withLock { invoice throws(SandboxFailure) in
                try invoice.requestEInvoiceSync(now: .now, delay: delay)
                return invoice
            }
        } catch {
            throw ProviderError(operation: operation, error)
        }
        state.stats.recordChange(
            AppliedChange(action: .einvoiceSync, fields: query, requestID: context.requestID, trackID: context.trackID),
            to: invoice
        )
        return .json(ZuoraCommonResponse(success: true, processId: ProcessIDs.next(), requestId: context.requestID))
    }

    @Sendable func cancel(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let operation = OperationCode.cancelEInvoice
        let body = try await request.jsonObject(maxBytes: state.configuration.maxBodyBytes, operation: operation)
        let violations = RequestRules.check(.einvoiceCancel, body: body)
        guard violations.isEmpty else {
            throw ProviderError(operation: operation, violations.map { ViolationMapping.restFailure($0, body: body) })
        }
        let slot = try InvoiceRoutes.slot(state, context, operation: operation)
        let invoice: SandboxInvoice
        do {
            invoice = try slot.withLock { invoice throws(SandboxFailure) in
                try invoice.cancelEInvoice()
                return invoice
            }
        } catch {
            throw ProviderError(operation: operation, error)
        }
        state.stats.recordChange(
            AppliedChange(action: .einvoiceCancel, fields: body, requestID: context.requestID, trackID: context.trackID),
            to: invoice
        )
        return .json(ZuoraCommonResponse(success: true))
    }
}
