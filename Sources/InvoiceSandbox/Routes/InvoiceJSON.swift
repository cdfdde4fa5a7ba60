import InvoiceAPI

/// The JSON a client reads an invoice from.
enum InvoiceJSON {
    /// `GET /v1/invoices/{invoiceKey}`: the `GetInvoiceResponse` fields the sandbox holds, then
    /// `invoiceItems` — an addition of ours (the OpenAPI's GET answer has no items) so a client can see item
    /// IDs and check item changes — and `success: true`.
    static func get(_ invoice: SandboxInvoice) -> JSONObject {
        var object = JSONObject()
        object["id"] = .string(invoice.id)
        object["invoiceNumber"] = .string(invoice.number)
        object["accountId"] = .string(invoice.accountId)
        object["status"] = .string(invoice.status.rawValue)
        object["invoiceDate"] = .string(invoice.invoiceDate.description)
        object["dueDate"] = .string(invoice.dueDate.description)
        object["amount"] = .number(invoice.amount)
        object["balance"] = .number(invoice.balance)
        object["autoPay"] = .bool(invoice.autoPay)
        object["comments"] = invoice.comments.map(JSONValue.string) ?? .null
        object["transferredToAccounting"] = .string(invoice.transferredToAccounting)
        object["templateId"] = invoice.templateId.map(JSONValue.string) ?? .null
        object["currency"] = .string(invoice.currency)
        object["einvoiceStatus"] = .string(invoice.einvoiceStatus.rawValue)
        appendCustomFields(of: invoice, to: &object)
        object["invoiceItems"] = .array(invoice.items.map { .object($0.json) })
        object["success"] = .bool(true)
        return object
    }

    /// `PUT /v1/invoices/{invoiceKey}`: the `PutInvoiceResponseType` fields the sandbox holds. Note the
    /// OpenAPI names the comments `comment` here (and `number` for the invoice number), unlike the GET answer.
    static func put(_ invoice: SandboxInvoice) -> JSONObject {
        var object = JSONObject()
        object["success"] = .bool(true)
        object["id"] = .string(invoice.id)
        object["number"] = .string(invoice.number)
        object["accountId"] = .string(invoice.accountId)
        object["status"] = .string(invoice.status.rawValue)
        object["invoiceDate"] = .string(invoice.invoiceDate.description)
        object["dueDate"] = .string(invoice.dueDate.description)
        object["amount"] = .number(invoice.amount)
        object["balance"] = .number(invoice.balance)
        object["autoPay"] = .bool(invoice.autoPay)
        object["comment"] = invoice.comments.map(JSONValue.string) ?? .null
        object["transferredToAccounting"] = .string(invoice.transferredToAccounting)
        object["templateId"] = invoice.templateId.map(JSONValue.string) ?? .null
        object["currency"] = .string(invoice.currency)
        appendCustomFields(of: invoice, to: &object)
        return object
    }

    private static func appendCustomFields(of invoice: SandboxInvoice, to object: inout JSONObject) {
        for member in invoice.netSuiteFields.members { object[member.key] = member.value }
        for member in invoice.customFields.members { object[member.key] = member.value }
    }
}
