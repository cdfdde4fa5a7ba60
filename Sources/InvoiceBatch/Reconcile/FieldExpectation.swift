import InvoiceAPI

/// What a succeeded request says one field of the invoice must hold afterwards, named as `GET /v1/invoices/{key}`
/// names it — so `transferredToAccounting` (REST) and `TransferredToAccounting` (CRUD) are one field, and the last of
/// them to be requested is the one to expect.
struct FieldExpectation: Sendable {
    enum Check: Sendable {
        /// The field holds this JSON value (numbers by value, `null` also when the field is absent).
        case equal(JSONValue)
        /// The field holds this text in any letter case (`Status`, `TransferredToAccounting` values).
        case caseInsensitive(String)
        /// The e-invoice status, in any of the provider's spellings (`Canceled`/`Cancelled`).
        case einvoiceStatus(EInvoiceStatus)
        /// The request changed the field in a way no read can confirm; the reason says why.
        case unverifiable(String)
    }

    /// The member of the GET answer.
    var field: String
    var check: Check

    static let asyncSync =
        "einvoice-sync only asks Zuora to fetch the status from the tax authority; the status changes later, "
        + "asynchronously, to whatever the authority answers, so no value was requested to compare"
    static let appZen = "AppZen's API has no call that reads an invoice's status back, so the sync cannot be confirmed"
    static let items =
        "invoice items are not in the answer of GET /v1/invoices/{key} (the API's GetInvoiceResponse has none)"
    static let pdf = "a regenerated PDF leaves no field in the answer of GET /v1/invoices/{key}"

    /// The fields `operation` set, in body order. `appzen-sync` sets none on a Zuora invoice (see `appZen`).
    static func of(_ operation: InvoiceOperation) -> [FieldExpectation] {
        switch operation.action {
        case .appzenSync:
            return []
        case .einvoiceSync:
            return [FieldExpectation(field: "einvoiceStatus", check: .unverifiable(asyncSync))]
        case .einvoiceCancel:
            return [FieldExpectation(field: "einvoiceStatus", check: .einvoiceStatus(.canceled))]
        case .update, .objectUpdate:
            return (operation.body?.members ?? []).map { member in
                fieldExpectation(name: member.key, value: member.value)
            }
        }
    }

    private static func fieldExpectation(name: String, value: JSONValue) -> FieldExpectation {
        switch name {
        case "invoiceItems":
            return FieldExpectation(field: name, check: .unverifiable(items))
        case "RegenerateInvoicePDF":
            return FieldExpectation(field: name, check: .unverifiable(pdf))
        case "Status":
            return FieldExpectation(field: "status", check: text(value))
        case "TransferredToAccounting", "transferredToAccounting":
            return FieldExpectation(field: "transferredToAccounting", check: text(value))
        default:
            return FieldExpectation(field: name, check: .equal(value))
        }
    }

    private static func text(_ value: JSONValue) -> Check {
        value.stringValue.map(Check.caseInsensitive) ?? .equal(value)
    }

    /// The mismatch, or `nil` when `answer` holds what was requested. Not for `.unverifiable`.
    func compare(with answer: JSONObject) -> FieldMismatch? {
        let actual = answer[field]
        switch check {
        case .unverifiable:
            return nil
        case .caseInsensitive(let wanted):
            if let found = actual?.stringValue, found.lowercased() == wanted.lowercased() { return nil }
            return mismatch(wanted, actual)
        case .einvoiceStatus(let wanted):
            if let found = actual?.stringValue, EInvoiceStatus(lenient: found) == wanted { return nil }
            return mismatch(wanted.rawValue, actual)
        case .equal(let wanted):
            if Self.same(wanted, actual) { return nil }
            return mismatch(Self.display(wanted), actual)
        }
    }

    private func mismatch(_ expected: String, _ actual: JSONValue?) -> FieldMismatch {
        FieldMismatch(field: field, expected: expected, actual: actual.map(Self.display) ?? "(absent)")
    }

    /// Equal as the API means it: numbers by value (`15.50` = `15.5`), `null` also when absent, a number and its
    /// text alike (a CSV cell is text; a tenant may answer a custom field as a number).
    static func same(_ wanted: JSONValue, _ actual: JSONValue?) -> Bool {
        guard let actual else { return wanted == .null }
        if wanted == actual { return true }
        switch (wanted, actual) {
        case (.number(let a), .number(let b)), (.string(let a), .number(let b)), (.number(let a), .string(let b)):
            guard let x = Double(a), let y = Double(b) else { return false }
            return x == y
        case (.string(let a), .bool(let b)), (.bool(let b), .string(let a)):
            return a.lowercased() == String(b)
        default:
            return false
        }
    }

    /// A value as a person reads it: strings bare, everything else as JSON.
    static func display(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return JSONWriter.string(value)
    }
}
