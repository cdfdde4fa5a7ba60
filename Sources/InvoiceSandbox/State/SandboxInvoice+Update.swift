import InvoiceAPI

extension SandboxInvoice {
    /// Applies a `PUT /v1/invoices/{invoiceKey}` body that passed `RequestRules`: all of it, or nothing and
    /// the first business rule it breaks.
    ///
    /// Business rules on top of the request rules: a `Canceled` invoice takes no change; `invoiceDate` must
    /// not fall in a closed accounting period; `invoiceItems[i].id` is required and must name an item of
    /// this invoice, `discountItems[j].id` a discount of that item (a discount item without an ID is added);
    /// `dueDate`, `invoiceDate`, `autoPay` and `transferredToAccounting` cannot be set to null. When items
    /// change, the invoice amount (and balance) become the sum of the items' and discounts' amounts again.
    mutating func applyUpdate(_ body: JSONObject, closedPeriodsThrough: CalendarDate) throws(SandboxFailure) {
        guard status != .canceled else {
            throw SandboxFailure(.ruleRestriction, "Invoice \(number) is Canceled; a canceled invoice cannot be updated")
        }
        var updated = self
        for member in body.members {
            let key = member.key
            let value = member.value
            switch key {
            case "dueDate":
                updated.dueDate = try Self.date(value, field: key)
            case "invoiceDate":
                let date = try Self.date(value, field: key)
                guard date > closedPeriodsThrough else {
                    throw SandboxFailure(
                        .ruleRestriction,
                        "invoiceDate: \(date) falls in a closed accounting period (periods are closed through "
                            + "\(closedPeriodsThrough)); choose a later date"
                    )
                }
                updated.invoiceDate = date
            case "autoPay":
                guard let flag = value.boolValue else { throw Self.notNull(key) }
                updated.autoPay = flag
            case "comments":
                updated.comments = value.stringValue
            case "transferredToAccounting":
                guard let text = value.stringValue else { throw Self.notNull(key) }
                updated.transferredToAccounting = text
            case "templateId":
                updated.templateId = value.stringValue
            case "invoiceItems":
                try updated.applyItems(value.arrayValue ?? [])
            default:
                if key.hasSuffix("__NS") {
                    updated.netSuiteFields[key] = value
                } else {
                    updated.customFields[key] = value
                }
            }
        }
        self = updated
    }

    private mutating func applyItems(_ changes: [JSONValue]) throws(SandboxFailure) {
        for (index, change) in changes.enumerated() {
            let path = "invoiceItems[\(index)]"
            guard let change = change.objectValue else { continue }
            guard let itemID = change["id"]?.stringValue else {
                throw SandboxFailure(
                    .missingRequiredField,
                    "\(path).id: an invoice item to update is named by its id (read the invoice to find them)"
                )
            }
            guard let itemIndex = items.firstIndex(where: { $0.id == itemID }) else {
                throw SandboxFailure(.notFound, "\(path).id: invoice item '\(itemID)' does not belong to invoice \(number)")
            }
            for member in change.members where member.key != "id" {
                if member.key == "discountItems" {
                    try applyDiscounts(member.value.arrayValue ?? [], toItem: itemIndex, path: path)
                } else {
                    items[itemIndex].fields[member.key] = member.value
                }
            }
        }
        let centsOfItems = items.flatMap { [$0] + $0.discountItems }.map { $0.fields["amount"]?.stringValue.flatMap(DecimalText.cents) }
        if centsOfItems.allSatisfy({ $0 != nil }) {
            amount = DecimalText.format(cents: centsOfItems.reduce(0) { $0 + $1! })
            balance = status == .canceled ? "0.00" : amount
        }
    }

    private mutating func applyDiscounts(_ changes: [JSONValue], toItem itemIndex: Int, path: String) throws(SandboxFailure) {
        for (index, change) in changes.enumerated() {
            guard let change = change.objectValue else { continue }
            if let discountID = change["id"]?.stringValue {
                guard let discountIndex = items[itemIndex].discountItems.firstIndex(where: { $0.id == discountID }) else {
                    throw SandboxFailure(
                        .notFound,
                        "\(path).discountItems[\(index)].id: discount item '\(discountID)' does not belong to item "
                            + "\(items[itemIndex].id) of invoice \(number)"
                    )
                }
                for member in change.members where member.key != "id" {
                    items[itemIndex].discountItems[discountIndex].fields[member.key] = member.value
                }
            } else {
                var fields = change
                fields["id"] = nil
                items[itemIndex].discountItems.append(SandboxInvoiceItem(id: newItemID(), fields: fields))
            }
        }
    }

    /// A new item ID, derived from the invoice and its item count so a replayed run makes the same IDs.
    private func newItemID() -> String {
        let existing = items.reduce(items.count) { $0 + $1.discountItems.count }
        let base = UInt64(id.prefix(16), radix: 16) ?? 0
        var random = SplitMix64(seed: SplitMix64.mix(base ^ UInt64(existing) &* 0x9E37_79B9))
        return random.hex(32)
    }

    private static func date(_ value: JSONValue, field: String) throws(SandboxFailure) -> CalendarDate {
        guard let text = value.stringValue else { throw notNull(field) }
        guard let date = CalendarDate(iso: text) else {
            throw SandboxFailure(.invalidValue, "\(field): '\(text)' is not yyyy-MM-dd")
        }
        return date
    }

    private static func notNull(_ field: String) -> SandboxFailure {
        SandboxFailure(.invalidValue, "\(field): cannot be null")
    }
}
