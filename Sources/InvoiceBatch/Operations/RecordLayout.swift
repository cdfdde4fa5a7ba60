import InvoiceAPI

/// The columns of a header (or the member paths of a JSONL object) with their roles, and the per-action plans
/// built from them on first use. One layout serves every row that has the same columns.
final class RecordLayout {
    let columns: [String]
    let roles: [ColumnRole]
    let actionColumn: Int?
    private var plans: [ColumnPlan?] = Array(repeating: nil, count: InvoiceAction.allCases.count)

    init(columns: [String], roles: [ColumnRole]) {
        self.columns = columns
        self.roles = roles
        self.actionColumn = roles.firstIndex { if case .action = $0 { true } else { false } }
    }

    convenience init(columns: [String]) {
        self.init(columns: columns, roles: columns.map(ColumnRole.classify))
    }

    /// The plan for rows of `action`.
    func plan(for action: InvoiceAction) -> ColumnPlan {
        let slot = InvoiceAction.allCases.firstIndex(of: action)!
        if let plan = plans[slot] { return plan }
        let plan = ColumnPlan(action: action, columns: columns, roles: roles)
        plans[slot] = plan
        return plan
    }
}
