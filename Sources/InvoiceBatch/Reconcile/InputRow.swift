import InvoiceAPI

/// What reconcile keeps of one row of the input: who it is and the request it builds (for `--verify` when a run's own
/// input is gone). Built by the same `RowChecker` as `run`, so `sourceRow` is `#sourceRow` when the input is itself a
/// failures file.
struct InputRow: Sendable {
    var sourceRow: Int
    var line: Int
    var rowID: String?
    var action: String?
    var key: String?
    var operation: InvoiceOperation?

    init(sourceRow: Int, line: Int, rowID: String?, action: String?, key: String?, operation: InvoiceOperation?) {
        self.sourceRow = sourceRow
        self.line = line
        self.rowID = rowID
        self.action = action
        self.key = key
        self.operation = operation
    }

    init(_ row: CheckedRow) {
        self.init(
            sourceRow: row.sourceRow, line: row.line, rowID: row.rowID, action: row.action?.rawValue, key: row.key,
            operation: row.operation
        )
    }

    /// Every row of the input at `path`.
    /// - Throws: `ReconcileError` `.unreadableInput`.
    static func readAll(
        path: String, format: InputFormat?, delimiter: UInt8?, defaultAction: InvoiceAction?
    ) throws(ReconcileError) -> [InputRow] {
        var rows: [InputRow] = []
        do {
            let reader = try RecordReader(path: path, format: format, delimiter: delimiter)
            let checker = RowChecker(header: reader.format == .csv ? reader.header : nil, defaultAction: defaultAction)
            while let record = try reader.next() { rows.append(InputRow(checker.check(record))) }
        } catch {
            throw ReconcileError(.unreadableInput, "\(path): \(error.message)")
        }
        return rows
    }
}
