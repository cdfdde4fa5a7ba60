import InvoiceAPI

/// `validate`: every offline rule over the whole input in one streamed pass, nothing sent. Findings are handed
/// out as they are found and not kept, so a million-row file validates in constant memory.
public enum BatchValidation {
    /// What one validation found.
    public struct Summary: Sendable, Hashable {
        /// Data records read.
        public var rows = 0
        /// Rows with at least one error (they would be `invalid` in a run).
        public var invalidRows = 0
        /// Errors, including header problems.
        public var errors = 0
        public var warnings = 0

        public init() {}
    }

    /// Reads `reader` to the end, checking each record.
    /// - Parameters:
    ///   - reader: the opened input.
    ///   - defaultAction: `--action`, for rows without an `action`.
    ///   - report: called with each finding, in input order (header problems first).
    /// - Throws: `InputError` when the input itself fails part way (I/O, corrupt gzip); findings are not errors.
    public static func validate(
        _ reader: RecordReader, defaultAction: InvoiceAction?, report: (Diagnostic) throws -> Void
    ) throws -> Summary {
        let checker = RowChecker(header: reader.format == .csv ? reader.header : nil, defaultAction: defaultAction)
        var summary = Summary()
        for diagnostic in checker.headerDiagnostics {
            summary.errors += diagnostic.severity == .error ? 1 : 0
            try report(diagnostic)
        }
        while let record = try reader.next() {
            let row = checker.check(record)
            summary.rows += 1
            var rowHasError = false
            for diagnostic in row.diagnostics {
                if diagnostic.severity == .error {
                    summary.errors += 1
                    rowHasError = true
                } else {
                    summary.warnings += 1
                }
                try report(diagnostic)
            }
            if rowHasError || !row.isValid { summary.invalidRows += 1 }
        }
        return summary
    }
}
