public import InvoiceAPI

/// An invoice item (or a discount item of one) as the sandbox holds it: a fixed ID and its other fields as
/// JSON, so any documented item field a client sends can be stored and read back without a column per field.
public struct SandboxInvoiceItem: Sendable, Hashable {
    /// 32 lowercase hex digits; `invoiceItems[i].id` must name one of the invoice's items.
    public let id: String
    /// Every other field (`chargeName`, `amount`, `serviceStartDate`, `IntegrationId__NS`, custom fields, …).
    public var fields: JSONObject
    /// The discount items of this item (always empty for a discount item).
    public var discountItems: [SandboxInvoiceItem]

    public init(id: String, fields: JSONObject, discountItems: [SandboxInvoiceItem] = []) {
        self.id = id
        self.fields = fields
        self.discountItems = discountItems
    }

    /// The item as JSON: `id` first, then its fields, then `discountItems` if it has any.
    public var json: JSONObject {
        var object = JSONObject()
        object["id"] = .string(id)
        for member in fields.members { object[member.key] = member.value }
        if !discountItems.isEmpty {
            object["discountItems"] = .array(discountItems.map { .object($0.json) })
        }
        return object
    }
}
