import Hummingbird
import InvoiceAPI

/// `PUT /v1/object/invoice/{id}` (action `object-update`), the CRUD API: the key must be an invoice ID
/// (32 hex digits; a number is `INVALID_ID`, as for any unknown ID), answers are `{Success, Id}` or
/// `{Success:false, Errors:[{Code, Message}]}` with HTTP 200.
///
/// Unknown fields are ignored, unless `rejectUnknownFields=true`: then HTTP 400
/// `{"message":"Error - unrecognised fields"}` (the page). Every other rule violation is `INVALID_VALUE`;
/// `RegenerateInvoicePDF=true` with other fields gets the page's own message.
struct ObjectInvoiceRoutes {
    let state: SandboxState

    func register(on v1: RouterGroup<SandboxRequestContext>) {
        v1.put("object/invoice/{id}", use: update)
    }

    @Sendable func update(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        var body = try await request.jsonObject(maxBytes: state.configuration.maxBodyBytes)
        let query = request.queryObject(InvoiceAction.objectUpdate.querySchema)
        let violations = RequestRules.check(.objectUpdate, body: body, query: query)
        let unknown = violations.filter(ViolationMapping.isUnknownField)
        if query["rejectUnknownFields"] == .bool(true), !unknown.isEmpty {
            throw ProviderError(.badRequest, .message(ProxyMessage.unrecognisedFields.message))
        }
        let id = PathKey.decode(context.parameters.get("id") ?? "")
        guard Self.isObjectID(id), let slot = state.store.slot(forID: id) else {
            throw ProviderError(
                SandboxFailure(
                    .notFound, crudCode: "INVALID_ID",
                    "invalid id '\(id)': the CRUD API takes an invoice ID (32 hex digits), not an invoice number"
                )
            )
        }
        let invalid = violations.filter { !ViolationMapping.isUnknownField($0) }
        guard invalid.isEmpty else {
            throw ProviderError(invalid.map(ViolationMapping.crudFailure))
        }
        for key in Set(unknown.map(\.path)) { body[key] = nil }
        let applied = body
        let invoice: SandboxInvoice
        do {
            invoice = try slot.withLock { invoice throws(SandboxFailure) in
                try invoice.applyObjectUpdate(applied)
                return invoice
            }
        } catch {
            throw ProviderError(error)
        }
        state.stats.recordChange(
            AppliedChange(action: .objectUpdate, fields: applied, requestID: context.requestID, trackID: context.trackID),
            to: invoice
        )
        return .json(CRUDResponse(success: true, id: invoice.id))
    }

    /// Whether `text` has the form of a Zuora object ID: 32 lowercase hex digits.
    static func isObjectID(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
