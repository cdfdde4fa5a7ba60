import InvoiceAPI

extension ResultsFile {
    /// The columns a results CSV must have for the join.
    static let requiredColumns = ["row", "sourceRow", "outcome"]

    /// Reads every line of the results file.
    /// - Throws: `ReconcileError` `.unreadableResults` (I/O, corrupt gzip), `.notResults` naming the line and what is
    ///   wrong with it.
    public func readLines() throws(ReconcileError) -> [ResultLine] {
        let reader: RecordReader
        do {
            reader = try RecordReader(path: path)
        } catch {
            throw ReconcileError(.unreadableResults, "\(path): \(error.message)")
        }
        var columns: [String: Int] = [:]
        if reader.format == .csv {
            for (index, name) in reader.header.enumerated() where columns[name] == nil { columns[name] = index }
            let missing = Self.requiredColumns.filter { columns[$0] == nil }
            guard missing.isEmpty else {
                throw ReconcileError(
                    .notResults,
                    "\(path):1: not a results file: no column \(missing.map { "'\($0)'" }.joined(separator: ", ")) "
                        + "(a results file starts `\(RowResult.columns.prefix(4).joined(separator: ","))…`)"
                )
            }
        }
        var lines: [ResultLine] = []
        while true {
            let record: SourceRecord?
            do { record = try reader.next() } catch {
                throw ReconcileError(.unreadableResults, "\(path): \(error.message)")
            }
            guard let record else { break }
            func fail(_ what: String) -> ReconcileError {
                ReconcileError(.notResults, "\(path):\(record.line): \(what); was the file edited? Use the file `run` wrote")
            }
            switch record.content {
            case .cells(let cells):
                lines.append(ResultLine(result: try Self.result(cells: cells, columns: columns, fail: fail), fileLine: record.line))
            case .object(let object, _):
                do {
                    lines.append(ResultLine(result: try RowResult(json: object, path: path), fileLine: record.line))
                } catch {
                    throw fail(error.message)
                }
            case .malformed(let problem, _, _):
                throw fail(problem.message)
            }
        }
        return lines
    }

    /// A CSV line as a `RowResult`: numbers parsed, the formula guard (`'=…`) taken off again.
    static func result(
        cells: [String], columns: [String: Int], fail: (String) -> ReconcileError
    ) throws(ReconcileError) -> RowResult {
        func text(_ name: String) -> String? {
            guard let index = columns[name], index < cells.count, !cells[index].isEmpty else { return nil }
            return unneutralised(cells[index])
        }
        func number(_ name: String) throws(ReconcileError) -> Int? {
            guard let value = text(name) else { return nil }
            guard let number = Int(value) else { throw fail("column '\(name)': '\(value)' is not a whole number") }
            return number
        }
        guard let row = try number("row"), let sourceRow = try number("sourceRow") else {
            throw fail("a line without 'row' or 'sourceRow'")
        }
        let outcomeText = text("outcome") ?? ""
        guard let outcome = RowResult.Outcome(rawValue: outcomeText) else {
            throw fail(
                "column 'outcome': '\(outcomeText)' is not one of "
                    + RowResult.Outcome.allCases.map(\.rawValue).joined(separator: ", ")
            )
        }
        return RowResult(
            row: row, sourceRow: sourceRow, line: try number("line") ?? 0, rowID: text("rowId"), action: text("action"),
            invoiceKey: text("invoiceKey"), outcome: outcome, httpStatus: try number("httpStatus"),
            errorCode: text("errorCode"), errorMessage: text("errorMessage"), attempts: try number("attempts") ?? 0,
            durationMs: try number("durationMs") ?? 0, requestID: text("requestId"), trackID: text("trackId"),
            processID: text("processId"), finishedAt: text("finishedAt") ?? ""
        )
    }

    /// `cell` without the `'` that `CSVWriter` puts before a formula-like cell.
    static func unneutralised(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        var rest = String(cell.dropFirst())
        let formula = rest.withUTF8 { CSVWriter.looksLikeFormula($0) }
        return formula ? rest : cell
    }
}
