import InvoiceAPI

/// One source row's line of `reconciliation.csv`: its final outcome across every run given, how many runs touched
/// it, what reading the invoice back showed, and in words why.
public struct ReconciledRow: Sendable {
    /// A source row's final outcome: the run outcomes, plus the two only a reconciliation can find.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        case succeeded
        case failed
        case invalid
        case skipped
        /// No results file has a line for the row: it was never run (or its line was lost).
        case missing
        /// The results disagree about the row: a duplicated line, a line that claims the row with another `rowId`,
        /// or two successes that sent different requests.
        case conflict
    }

    /// What `--verify` found for the row.
    public enum Verification: String, Sendable, Hashable, CaseIterable {
        /// Every field the row set that no later row set again holds the requested value.
        case match
        /// Some field holds something else (expected and actual in `detail`).
        case mismatch
        /// The row's effect cannot be read back (an e-invoice sync, AppZen, invoice items, a PDF regeneration).
        case unverifiable
        /// Not compared: no `--verify`, the row did not succeed, its request is unknown, the invoice could not be read,
        /// or every field it set was set again by a later row.
        case notChecked = "not-checked"
    }

    /// The columns of `reconciliation.csv`, in order.
    public static let columns = ["row", "rowId", "action", "invoiceKey", "outcome", "runs", "verified", "detail"]

    /// The row's number in the original file (`sourceRow` of the results).
    public var row: Int
    /// The physical line of the input it starts on.
    public var line: Int
    public var rowID: String?
    public var action: String?
    /// The invoice the final result names (a re-run may have fixed the key), else the input's.
    public var invoiceKey: String?
    public var outcome: Outcome
    /// How many runs (results files) have a line for the row.
    public var runs: Int
    public var verified: Verification
    public var detail: String
    /// The result that decided the outcome; `nil` when missing.
    public var decisive: RowResult?
    /// The fields `--verify` found holding something else.
    public var mismatches: [FieldMismatch]
    /// `--verify` could not compare the row for want of its request or its invoice (a read that failed).
    public var verificationFailed = false

    public init(
        row: Int, line: Int, rowID: String?, action: String?, invoiceKey: String?, outcome: Outcome, runs: Int,
        verified: Verification = .notChecked, detail: String = "", decisive: RowResult? = nil,
        mismatches: [FieldMismatch] = []
    ) {
        self.row = row
        self.line = line
        self.rowID = rowID
        self.action = action
        self.invoiceKey = invoiceKey
        self.outcome = outcome
        self.runs = runs
        self.verified = verified
        self.detail = detail
        self.decisive = decisive
        self.mismatches = mismatches
    }

    /// The cells of this line, in `columns` order.
    public var cells: [String] {
        [
            String(row), rowID ?? "", action ?? "", invoiceKey ?? "", outcome.rawValue, String(runs), verified.rawValue,
            RowResult.singleLine(detail),
        ]
    }

    /// Whether someone must look at the row: it did not end `succeeded`, the tenant holds something else, or the
    /// invoice could not be read to tell.
    public var needsAttention: Bool { outcome != .succeeded || verified == .mismatch || verificationFailed }
}

/// A field that holds something other than the last value requested for it.
public struct FieldMismatch: Sendable, Hashable {
    /// The field as `GET /v1/invoices/{key}` names it (`dueDate`, `status`, `IntegrationStatus__NS`).
    public var field: String
    /// The value requested, as JSON text (strings bare).
    public var expected: String
    /// The value found; `(absent)` when the answer does not have the field.
    public var actual: String

    public init(field: String, expected: String, actual: String) {
        self.field = field
        self.expected = expected
        self.actual = actual
    }

    /// `dueDate: expected 2026-03-15, found 2026-04-01`.
    public var text: String { "\(field): expected \(expected), found \(actual)" }
}
