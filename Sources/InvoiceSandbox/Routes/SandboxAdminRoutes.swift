import Hummingbird
import InvoiceAPI

/// The sandbox's own routes, for tests, `reconcile` and curl users (no authentication: loopback only).
///
/// - `GET /sandbox/stats`: `SandboxStatistics.json`.
/// - `POST /sandbox/reset`: every invoice back to its seed, statistics zeroed (tokens stay valid).
/// - `PUT /sandbox/invoices/{invoiceKey}`: changes an invoice behind a client's back, as another user of the
///   tenant would — body members `status`, `einvoiceStatus` (any spelling), `invoiceDate`, `dueDate`,
///   `comments`, `autoPay`, `transferredToAccounting`, `templateId`, `*__NS`, `*__c`; answers the invoice as
///   `GET /v1/invoices/{invoiceKey}` does. Not counted as an applied change.
struct SandboxAdminRoutes {
    let state: SandboxState

    func register(on router: Router<SandboxRequestContext>) {
        let group = router.group("sandbox")
        group.get("stats", use: stats)
        group.post("reset", use: reset)
        group.put("invoices/{invoiceKey}", use: modify)
    }

    @Sendable func stats(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        .json(state.statistics.json)
    }

    @Sendable func reset(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        state.reset()
        return .json(ZuoraCommonResponse(success: true))
    }

    @Sendable func modify(_ request: Request, context: SandboxRequestContext) async throws -> Response {
        let key = PathKey.decode(context.parameters.get("invoiceKey") ?? "")
        let body = try await request.jsonObject(maxBytes: state.configuration.maxBodyBytes)
        guard let slot = state.store.slot(forKey: key) else {
            throw ProviderError(.notFound, SandboxFailure(.notFound, "Invoice '\(key)' does not exist"))
        }
        let invoice: SandboxInvoice
        do {
            invoice = try slot.withLock { invoice throws(SandboxFailure) in
                try invoice.applyDirectChange(body)
                return invoice
            }
        } catch {
            throw ProviderError(.badRequest, error)
        }
        return .json(.object(InvoiceJSON.get(invoice)))
    }
}

extension SandboxInvoice {
    /// Sets fields directly, bypassing every business rule (`PUT /sandbox/invoices/{invoiceKey}`).
    mutating func applyDirectChange(_ body: JSONObject) throws(SandboxFailure) {
        var updated = self
        for member in body.members {
            let text = member.value.stringValue
            func invalid() -> SandboxFailure {
                SandboxFailure(.invalidValue, "\(member.key): \(JSONWriter.string(member.value)) is not a valid value")
            }
            switch member.key {
            case "status":
                guard let status = text.flatMap(Status.init(rawValue:)) else { throw invalid() }
                updated.status = status
            case "einvoiceStatus":
                guard let status = text.flatMap(EInvoiceStatus.init(lenient:)) else { throw invalid() }
                updated.einvoiceStatus = status
                updated.einvoiceSyncCompletesAt = nil
            case "invoiceDate":
                guard let date = text.flatMap(CalendarDate.init(iso:)) else { throw invalid() }
                updated.invoiceDate = date
            case "dueDate":
                guard let date = text.flatMap(CalendarDate.init(iso:)) else { throw invalid() }
                updated.dueDate = date
            case "comments":
                updated.comments = text
            case "templateId":
                updated.templateId = text
            case "autoPay":
                guard let flag = member.value.boolValue else { throw invalid() }
                updated.autoPay = flag
            case "transferredToAccounting":
                guard let text else { throw invalid() }
                updated.transferredToAccounting = text
            case let key where key.hasSuffix("__NS"):
                updated.netSuiteFields[key] = member.value
            case let key where Schema.isCustomFieldName(key):
                updated.customFields[key] = member.value
            default:
                throw SandboxFailure(.unknownField, "'\(member.key)' cannot be set on a sandbox invoice")
            }
        }
        self = updated
    }
}
