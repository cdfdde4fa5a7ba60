import InvoiceAPI

/// Gives a cell (or a JSONL scalar) the type its field has on the wire. Spreadsheet cells are all strings:
/// `TRUE` becomes `true`, `#null` becomes JSON `null`, an empty cell means "leave unchanged", and a JSONL
/// number given for a String-typed amount keeps its exact text.
enum ValueCoercion {
    /// The outcome of typing one value.
    enum Outcome: Equatable {
        /// Not sent (an empty cell).
        case absent
        /// Sent as `value`; `repair` names a change made to the input (reported as a warning).
        case value(JSONValue, repair: Repair?)
        /// Cannot be sent.
        case problem(RuleName, String)
    }

    /// A visible change made to a cell on the way to the wire.
    struct Repair: Equatable {
        let rule: RuleName
        let message: String
    }

    /// The literal that asks for JSON `null`.
    static let nullLiteral = "#null"

    /// Types `raw` for `spec` (`nil` spec: a custom field, any scalar). `isCancelReason` enables the
    /// `1` → `01` repair that spreadsheets make necessary.
    static func coerce(_ raw: JSONValue, spec: FieldSpec?, isCancelReason: Bool = false) -> Outcome {
        switch raw {
        case .null:
            return .value(.null, repair: nil)
        case .string(let text):
            if text.isEmpty { return .absent }
            if text == nullLiteral { return .value(.null, repair: nil) }
            return coerceText(text, spec: spec, isCancelReason: isCancelReason)
        case .bool(let flag):
            guard let spec else { return .value(raw, repair: nil) }
            if case .boolean = spec.kind { return .value(raw, repair: nil) }
            return .problem(.valueType, "\(flag) is not \(spec.kind.summary)")
        case .number(let literal):
            guard let spec else { return .value(raw, repair: nil) }
            switch spec.kind {
            case .text, .decimal: return .value(.string(literal), repair: nil)
            case .oneOf: return coerceText(literal, spec: spec, isCancelReason: isCancelReason)
            default: return .problem(.valueType, "\(literal) is not \(spec.kind.summary)")
            }
        case .array, .object:
            return .problem(.valueType, "\(raw.typeDescription) is not \(spec?.kind.summary ?? "a single value")")
        }
    }

    static func coerceText(_ text: String, spec: FieldSpec?, isCancelReason: Bool) -> Outcome {
        guard let spec else { return .value(.string(text), repair: nil) }
        switch spec.kind {
        case .text:
            return .value(.string(text), repair: nil)
        case .boolean:
            let (trimmed, repair) = trimmed(text)
            switch trimmed.lowercased() {
            case "true": return .value(.bool(true), repair: repair)
            case "false": return .value(.bool(false), repair: repair)
            default:
                return .problem(.boolean, "'\(text)' is not true or false (TRUE/FALSE in any case; empty leaves it unchanged)")
            }
        case .oneOf where isCancelReason:
            let (trimmed, repair) = trimmed(text)
            if trimmed.utf8.count == 1, let digit = Int(trimmed), (1...4).contains(digit) {
                return .value(
                    .string("0\(digit)"),
                    repair: Repair(
                        rule: .reasonNormalised,
                        message: "reason '\(trimmed)' read as '0\(digit)' (a spreadsheet drops the leading zero; "
                            + "format the column as text to keep it)"
                    )
                )
            }
            return .value(.string(trimmed), repair: repair)
        case .decimal, .date, .dateTime, .utcTimestamp, .oneOf:
            let (trimmed, repair) = trimmed(text)
            return .value(.string(trimmed), repair: repair)
        case .list, .object:
            return .problem(.valueType, "'\(text)' is not \(spec.kind.summary)")
        }
    }

    /// `text` without surrounding spaces, and the warning to give when there were any.
    static func trimmed(_ text: String) -> (String, Repair?) {
        guard let first = text.utf8.first, let last = text.utf8.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return (text, nil) }
        let trimmed = text.trimmingSpaces()
        return (trimmed, Repair(rule: .whitespaceTrimmed, message: "surrounding spaces removed from '\(text)'"))
    }
}
