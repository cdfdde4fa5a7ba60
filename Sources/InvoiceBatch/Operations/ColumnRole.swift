import InvoiceAPI

/// What a header column is for. Decided once per header, so a million rows are not re-parsed name by name.
public enum ColumnRole: Sendable {
    /// `action`: which operation the row asks for.
    case action
    /// `invoiceKey` (Zuora ID or number) or `uuid` (AppZen): the target.
    case key(String)
    /// `rowId`: the ERP's own document id, carried through every output.
    case rowID
    /// `trackId`: this row's `Zuora-Track-Id`.
    case trackID
    /// `#sourceRow`: the row's number in the original file, kept through re-runs of a failures file.
    case sourceRow
    /// `#…`: a note, carried into reports, never sent.
    case note
    /// A request field; `resolved[action]` is what it sets for each action that has it.
    case field(FieldPath, resolved: [InvoiceAction: ResolvedField])
    /// Nothing we know; reported on the header line, with a suggestion.
    case unknown(suggestion: String?)

    /// The role of a column named `name`.
    public static func classify(_ name: String) -> ColumnRole {
        switch name {
        case "action": return .action
        case "invoiceKey", "uuid": return .key(name)
        case "rowId": return .rowID
        case "trackId": return .trackID
        case "#sourceRow": return .sourceRow
        default: break
        }
        if name.hasPrefix("#") { return .note }
        if let path = FieldPath(parsing: name) {
            var resolved: [InvoiceAction: ResolvedField] = [:]
            for action in InvoiceAction.allCases {
                if let field = ResolvedField.resolve(path, for: action) { resolved[action] = field }
            }
            if !resolved.isEmpty { return .field(path, resolved: resolved) }
        }
        return .unknown(suggestion: suggestion(for: name))
    }

    /// The names a column may have, for "did you mean".
    static let roleNames = ["action", "invoiceKey", "uuid", "rowId", "trackId"]

    /// The closest known column name: role names and top-level fields, or the nested field with the last
    /// member corrected (`invoiceItems[0].acountingCode` → `invoiceItems[0].accountingCode`).
    static func suggestion(for name: String) -> String? {
        if let path = FieldPath(parsing: name), path.isNested, case .member(let last)? = path.segments.last {
            let parent = FieldPath(segments: Array(path.segments.dropLast()))
            var names: Set<String> = []
            for action in InvoiceAction.allCases {
                if let schema = nestedSchema(parent, in: action.bodySchema) {
                    names.formUnion(schema.fields.map(\.name))
                }
            }
            if let best = NameSuggestion.closest(to: last, among: names.sorted()) {
                return "\(parent).\(best)"
            }
        }
        var names = roleNames
        for action in InvoiceAction.allCases {
            names += action.bodySchema?.fields.map(\.name) ?? []
            names += action.querySchema?.fields.map(\.name) ?? []
        }
        return NameSuggestion.closest(to: name, among: names)
    }

    static func nestedSchema(_ path: FieldPath, in schema: Schema?) -> Schema? {
        var current = schema
        for segment in path.segments {
            guard let schema = current else { return nil }
            switch segment {
            case .member(let name):
                switch schema.field(named: name)?.kind {
                case .list(let inner, _)?: current = inner
                case .object(let inner)?: current = inner
                default: return nil
                }
            case .index:
                continue
            }
        }
        return current
    }
}
