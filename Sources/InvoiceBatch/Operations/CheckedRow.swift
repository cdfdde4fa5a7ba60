import InvoiceAPI

/// One input row after the offline checks: who it is (row, line, the ERP's `rowId`, its number in the original
/// file), what it asks for, and either a sendable operation or the reasons it cannot be sent.
public struct CheckedRow: Sendable {
    /// The record as read, kept to write the failures file.
    public let record: SourceRecord
    /// The row's number in the original file: `#sourceRow` when this file is a failures file, else `row`.
    public let sourceRow: Int
    public let rowID: String?
    /// The action, when one could be determined.
    public let action: InvoiceAction?
    /// The invoice key (or AppZen uuid) as given.
    public let key: String?
    /// For an `appzen-sync` row, the Zuora invoice the row also names (`invoiceKey`), so it queues behind that
    /// invoice's other rows.
    public var relatedInvoiceKey: String? = nil
    /// `Zuora-Track-Id` from the row's `trackId` column.
    public let trackID: String?
    /// `#` columns, carried into reports.
    public let notes: [(name: String, value: String)]
    /// The operation, when the row has no error.
    public let operation: InvoiceOperation?
    /// Errors and warnings, in column order.
    public let diagnostics: [Diagnostic]

    public init(
        record: SourceRecord, sourceRow: Int, rowID: String?, action: InvoiceAction?, key: String?, trackID: String?,
        notes: [(name: String, value: String)], operation: InvoiceOperation?, diagnostics: [Diagnostic]
    ) {
        self.record = record
        self.sourceRow = sourceRow
        self.rowID = rowID
        self.action = action
        self.key = key
        self.trackID = trackID
        self.notes = notes
        self.operation = operation
        self.diagnostics = diagnostics
    }

    public var row: Int { record.row }
    public var line: Int { record.line }
    public var isValid: Bool { operation != nil }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
