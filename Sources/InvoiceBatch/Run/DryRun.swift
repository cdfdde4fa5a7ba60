import InvoiceAPI

/// `run --dry-run`: the offline checks, then per valid row the method, path and JSON body that would be sent.
/// Nothing is sent and no run directory is made.
public enum DryRun {
    /// Prints each request with `emit` (standard output), findings with `report` (standard error).
    public static func run(
        _ configuration: RunConfiguration, report: (Diagnostic) -> Void, emit: (String) -> Void
    ) throws -> (exit: RunExit, rows: Int, valid: Int) {
        let preflight = try Preflight.scan(
            path: configuration.input, format: configuration.format, delimiter: configuration.delimiter,
            defaultAction: configuration.defaultAction, observe: { _ in }, report: report
        )
        guard configuration.input != "-" else {
            // Standard input was read by the checks; with no errors, say so rather than read it twice.
            emit("# standard input: \(preflight.rows) rows checked; nothing sent (dry run)")
            return (preflight.errors > 0 ? .invalidInput : .succeeded, preflight.rows, preflight.rows - preflight.invalidRows)
        }
        let reader = try RecordReader(path: configuration.input, format: preflight.format, delimiter: preflight.delimiter)
        let checker = RowChecker(header: preflight.format == .csv ? reader.header : nil, defaultAction: configuration.defaultAction)
        var valid = 0
        while let record = try reader.next() {
            let row = checker.check(record)
            guard let operation = row.operation else { continue }
            valid += 1
            var text = "# row \(row.row) (line \(row.line))"
            if let rowID = row.rowID { text += ", rowId \(rowID)" }
            text += "\n\(operation.method) \(operation.pathAndQuery)"
            if let body = operation.body { text += "\n" + JSONWriter.string(.object(body)) }
            emit(text)
        }
        return (preflight.errors > 0 ? .invalidInput : .succeeded, preflight.rows, valid)
    }
}
