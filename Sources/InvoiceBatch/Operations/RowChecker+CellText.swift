import InvoiceAPI

/// Reading cells as text: CSV cells are strings already; JSONL scalars are written back the way they were given.
extension RowChecker {
    static func isGiven(_ value: JSONValue) -> Bool {
        if case .string(let text) = value { return !text.isEmpty }
        return true
    }

    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text.isEmpty ? nil : text
        case .number(let literal): literal
        case .bool(let flag): flag ? "true" : "false"
        case .null: nil
        default: JSONWriter.string(value)
        }
    }

    static func queryText(_ value: JSONValue) -> String {
        switch value {
        case .bool(let flag): flag ? "true" : "false"
        case .string(let text): text
        case .number(let literal): literal
        default: JSONWriter.string(value)
        }
    }
}
