import InvoiceAPI

/// On `--resume`: the outcomes of the rows already written to the results file, read back one by one as the input
/// is read again, so the scheduler knows which invoices already had a row that did not succeed (their later rows
/// are skipped, as in an uninterrupted run) without holding the results in memory.
final class PriorResults {
    private let reader: RecordReader
    private let outcomeColumn: Int?
    private let keyPath = "outcome"

    /// Opens the results file; `nil` when nothing was written before.
    init?(path: String, format: InputFormat, delimiter: UInt8?) throws {
        guard let reader = try? RecordReader(path: path, format: format, delimiter: delimiter) else { return nil }
        self.reader = reader
        self.outcomeColumn = format == .csv ? reader.header.firstIndex(of: keyPath) : nil
    }

    /// The outcome of the next row of the results file.
    func next() throws -> RowResult.Outcome? {
        guard let record = try reader.next() else { return nil }
        switch record.content {
        case .cells(let cells):
            guard let column = outcomeColumn, column < cells.count else { return nil }
            return RowResult.Outcome(rawValue: cells[column])
        case .object(let object, _):
            return object[keyPath]?.stringValue.flatMap(RowResult.Outcome.init(rawValue:))
        case .malformed:
            return nil
        }
    }
}
