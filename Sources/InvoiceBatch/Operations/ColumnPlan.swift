import InvoiceAPI

/// What each column means for one action, decided once per header (or per JSONL member layout) instead of
/// once per cell: the difference between 10 and 40 MB/s on a million-row file.
final class ColumnPlan {
    /// How one column is used by rows of the plan's action.
    enum Use {
        case action
        case key
        case otherKey
        case rowID
        case trackID
        case sourceRow
        case note
        /// A body member: `fields[index]`.
        case body(Int)
        /// A query parameter: `fields[index]`.
        case query(Int)
        /// A field of other actions: `messages[index]` names them.
        case notForAction(Int)
        /// Nothing we know: `messages[index]` is the suggestion, or empty.
        case unknown(Int)
        /// A second column for a field already given by the column at this index.
        case duplicate(of: Int)
    }
    // Payloads are indices, so reading a `Use` per cell costs no reference counting.

    let action: InvoiceAction
    let columns: [String]
    let uses: [Use]
    /// The resolved fields that `.body` and `.query` point into.
    let fields: [ResolvedField]
    /// The texts that `.notForAction` and `.unknown` point into.
    let messages: [String]
    /// Whether every body column is a top-level member, so the body can be assembled without a tree.
    let isFlat: Bool
    /// Body column indices in the order their members are sent (page order, then custom fields in column order).
    let bodyOrder: [Int]
    /// The column behind each top-level member, to name the cell of a broken rule.
    let columnOfMember: [String: String]

    init(action: InvoiceAction, columns: [String], roles: [ColumnRole]) {
        self.action = action
        self.columns = columns
        var uses: [Use] = []
        var fields: [ResolvedField] = []
        var messages: [String] = []
        var seen: [String: Int] = [:]
        var isFlat = true
        var bodyColumns: [(index: Int, position: Int)] = []
        var columnOfMember: [String: String] = [:]
        let schema = action.bodySchema
        for (index, role) in roles.enumerated() {
            let use: Use
            switch role {
            case .action: use = .action
            case .key(let name): use = name == action.keyColumn ? .key : .otherKey
            case .rowID: use = .rowID
            case .trackID: use = .trackID
            case .sourceRow: use = .sourceRow
            case .note: use = .note
            case .unknown(let suggestion):
                messages.append(suggestion ?? "")
                use = .unknown(messages.count - 1)
            case .field(_, let resolved):
                if let field = resolved[action] {
                    let canonical = field.path.description
                    if let first = seen[canonical] {
                        use = .duplicate(of: first)
                    } else {
                        seen[canonical] = index
                        fields.append(field)
                        switch field.location {
                        case .query:
                            use = .query(fields.count - 1)
                        case .body:
                            use = .body(fields.count - 1)
                            if field.path.isNested { isFlat = false }
                            bodyColumns.append((index, schema?.position(of: canonical) ?? (10_000 + index)))
                            columnOfMember[canonical] = columns[index]
                        }
                    }
                } else {
                    messages.append(InvoiceAction.allCases.filter { resolved[$0] != nil }.map(\.rawValue).joined(separator: ", "))
                    use = .notForAction(messages.count - 1)
                }
            }
            uses.append(use)
        }
        self.uses = uses
        self.fields = fields
        self.messages = messages
        self.isFlat = isFlat
        self.bodyOrder = bodyColumns.sorted { $0.position < $1.position }.map(\.index)
        self.columnOfMember = columnOfMember
    }
}
