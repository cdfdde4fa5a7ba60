/// One row's request as the client sends it: the checked operation and who it is for, so every attempt carries
/// a traceable `Zuora-Track-Id` and every exchange can be attributed to its row (audit log, reports).
public struct RowCall: Sendable {
    public let operation: InvoiceOperation
    /// Data record number in this file.
    public let row: Int
    /// The row's number in the original file (`#sourceRow` of a failures file re-run).
    public let sourceRow: Int
    /// The row's own `trackId`, sent instead of the generated `<run id>-<row>-<attempt>`.
    public let trackID: String?

    public init(operation: InvoiceOperation, row: Int, sourceRow: Int, trackID: String?) {
        self.operation = operation
        self.row = row
        self.sourceRow = sourceRow
        self.trackID = trackID
    }
}
