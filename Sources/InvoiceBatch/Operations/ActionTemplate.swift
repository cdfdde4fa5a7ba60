import InvoiceAPI

/// The starting point of a batch for one action: every column a spreadsheet may hold for it, or a JSONL
/// example row that passes every rule — generated from the same schemas the rules use, so it cannot drift.
public enum ActionTemplate {
    /// Every column of `action`, in page order: identity columns, body fields (items as `invoiceItems[0].…`,
    /// discounts as `invoiceItems[0].discountItems[0].…`), query parameters, then a note column.
    public static func columns(for action: InvoiceAction) -> [String] {
        var columns = ["action", action.keyColumn, "rowId"]
        if action.provider == .zuora { columns.append("trackId") }
        if let schema = action.bodySchema { columns += fieldColumns(schema, prefix: "") }
        if let query = action.querySchema { columns += query.fields.map(\.name) }
        columns.append("#note")
        return columns
    }

    static func fieldColumns(_ schema: Schema, prefix: String) -> [String] {
        var columns: [String] = []
        var nested: [String] = []
        for field in schema.fields {
            switch field.kind {
            case .list(let inner, _): nested += fieldColumns(inner, prefix: "\(prefix)\(field.name)[0].")
            case .object(let inner): nested += fieldColumns(inner, prefix: "\(prefix)\(field.name).")
            default: columns.append(prefix + field.name)
            }
        }
        return columns + nested
    }

    /// A JSONL row for `action` with an example value in every field that can be sent together
    /// (`invoiceDate` is left out beside `dueDate`, `RegenerateInvoicePDF` since it must stand alone).
    public static func example(for action: InvoiceAction) -> JSONObject {
        var row = JSONObject()
        row["action"] = .string(action.rawValue)
        row[action.keyColumn] = .string(action == .appzenSync ? "75823296-4af2-4475-aafd-461c60c284e7" : "INV-00000001")
        row["rowId"] = .string("ERP-000001")
        if let schema = action.bodySchema {
            for member in exampleObject(schema, name: action.rawValue).members { row[member.key] = member.value }
        }
        if let query = action.querySchema {
            for field in query.fields { row[field.name] = .bool(false) }
        }
        row["#note"] = .string("notes start with # and are never sent")
        return row
    }

    static let leftOut: Set<String> = ["invoiceDate", "RegenerateInvoicePDF"]

    static func exampleObject(_ schema: Schema, name: String) -> JSONObject {
        var object = JSONObject()
        for field in schema.fields where !leftOut.contains(field.name) {
            object[field.name] = exampleValue(field, owner: name)
        }
        return object
    }

    static func exampleValue(_ field: FieldSpec, owner: String) -> JSONValue {
        switch field.kind {
        case .text:
            return .string(field.name == "id" ? "8a8aa0b2d9c5a0d1" : field.name == "documentReferenceID" ? "DM12345678" : "text")
        case .decimal: return .string(owner == "discountItems" ? "-10.00" : "100.00")
        case .boolean: return .bool(false)
        case .date: return .string("2026-12-01")
        case .dateTime: return .string("2026-12-01 00:00:00")
        case .utcTimestamp: return .string("2026-11-01T11:01:00Z")
        case .oneOf(let values): return .string(values.first!)
        case .list(let inner, _): return .array([.object(exampleObject(inner, name: field.name))])
        case .object(let inner): return .object(exampleObject(inner, name: field.name))
        }
    }
}
