import InvoiceAPI

extension SandboxInvoice {
    /// The most PDF regenerations the CRUD page allows per invoice.
    static let maxPDFRegenerations = 100

    /// Applies a `PUT /v1/object/invoice/{id}` body that passed `RequestRules` (unknown fields already
    /// removed): all of it, or nothing and the CRUD failure.
    ///
    /// `Status` transitions: `Draft → Posted`, `Posted → Draft` (the page: allowed with the "Cancel Posted
    /// Billing Documents" permission, which the sandbox's user has), `Draft → Canceled`; `Posted → Canceled`
    /// is refused (the page names only the way back to Draft, so a posted invoice is canceled in two steps,
    /// as in Zuora's UI), and a `Canceled` invoice's status cannot change at all. Setting the current status
    /// again is a no-op, except on a canceled invoice.
    mutating func applyObjectUpdate(_ body: JSONObject) throws(SandboxFailure) {
        var updated = self
        for member in body.members {
            switch member.key {
            case "Status":
                guard let text = member.value.stringValue, let target = Status(rawValue: text) else {
                    throw SandboxFailure(.invalidValue, crudCode: "INVALID_VALUE", "Status: cannot be null")
                }
                try updated.transition(to: target)
            case "RegenerateInvoicePDF":
                guard member.value.boolValue == true else { continue }
                guard updated.regeneratedPDFCount < Self.maxPDFRegenerations else {
                    throw SandboxFailure(
                        .ruleRestriction, crudCode: "INVALID_VALUE",
                        "The PDF file of invoice \(number) has been regenerated \(Self.maxPDFRegenerations) times, the maximum"
                    )
                }
                updated.regeneratedPDFCount += 1
            case "TransferredToAccounting":
                guard let text = member.value.stringValue else {
                    throw SandboxFailure(.invalidValue, crudCode: "INVALID_VALUE", "TransferredToAccounting: cannot be null")
                }
                updated.transferredToAccounting = text
            default:
                if member.key.hasSuffix("__NS") {
                    updated.netSuiteFields[member.key] = member.value
                } else {
                    updated.customFields[member.key] = member.value
                }
            }
        }
        self = updated
    }

    private mutating func transition(to target: Status) throws(SandboxFailure) {
        switch (status, target) {
        case (.canceled, _):
            throw SandboxFailure(
                .ruleRestriction, crudCode: "INVALID_VALUE",
                "Invoice \(number) is Canceled; the status of a canceled invoice cannot be changed"
            )
        case (.posted, .canceled):
            throw SandboxFailure(
                .ruleRestriction, crudCode: "INVALID_VALUE",
                "Invoice \(number) is Posted; a posted invoice cannot be canceled directly: set Status to Draft first"
            )
        case (.draft, .canceled):
            status = .canceled
            balance = "0.00"
        default:
            status = target
        }
    }
}
