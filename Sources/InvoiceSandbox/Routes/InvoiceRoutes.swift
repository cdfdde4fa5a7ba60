import Hummingbird
import InvoiceAPI

/// `GET /v1/invoices/{invoiceKey}` (read an invoice back) and `PUT /v1/invoices/{invoiceKey}` (action
/// `update`), the key being an invoice ID or number.
///
/// Failures are HTTP 200 with `{success:false, reasons:[…]}`: every `RequestRules` violation as a reason
/// (`…20` invalid, `…21` unknown field, `…22` missing, `…30` rules joining fields), then `…40` for an
/// unknown invoice or item, `…30` for the business rules of `SandboxInvoice.applyUpdate`.
struct InvoiceRoutes {
    let state: SandboxState

    func register(on v1: RouterGroup<SandboxRequestContext>) {
        v1.get("invoices/{invoiceKey}", use: get)
        v1.put("invoices/{invoiceKey}", use: update)
    }

    @Sendable func get(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let slot = try Self.slot(state, context, operation: OperationCode.getInvoice)
        return .json(.object(InvoiceJSON.get(slot.withLock { $0 })))
    }

    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let operation = OperationCode.updateInvoice
        let body = try await request.jsonObject(maxBytes: state.configuration.maxBodyBytes, operation: operation)
        let violations = RequestRules.check(.update, body: body)
        guard violations.isEmpty else {
            throw ProviderError(operation: operation, violations.map { ViolationMapping.restFailure($0, body: body) })
        }
        let slot = try Self.slot(state, context, operation: operation)
        let closedThrough = state.configuration.closedPeriodsThrough
        let invoice: SandboxInvoice
        do {
            invoice = try slot.withLock { invoice throws(SandboxFailure) in
                try invoice.applyUpdate(body, closedPeriodsThrough: closedThrough)
                return invoice
            }
        } catch {
            throw ProviderError(operation: operation, error)
        }
        state.stats.recordChange(
            AppliedChange(action: .update, fields: body, requestID: context.requestID, trackID: context.trackID),
            to: invoice
        )
        return .json(.object(InvoiceJSON.put(invoice)))
    }

    /// The invoice the path's `invoiceKey` (ID or number) names, or a `…40` failure.
    static func slot(_ state: SandboxState, _ context: SandboxRequestContext, operation: Int) throws -> InvoiceStore.Slot {
        let key = PathKey.decode(context.parameters.get("invoiceKey") ?? "")
        guard let slot = state.store.slot(forKey: key) else {
            throw ProviderError(
                operation: operation,
                SandboxFailure(.notFound, "Invoice '\(key)' does not exist: give an invoice ID or number such as INV-00000001")
            )
        }
        return slot
    }
}
