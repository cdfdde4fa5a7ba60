import InvoiceAPI

/// The pass before anything is sent: every row through every offline rule, counting what the run will do and
/// learning whether the file names invoices both by ID and by number (which then need resolving first).
/// Standard input is spooled to the run directory on the way, so the run (and a resume) can read it again.
public enum Preflight {
    /// What the pass found.
    public struct Report: Sendable {
        public var format: InputFormat = .csv
        public var header: [String] = []
        public var delimiter: UInt8?
        public var rows = 0
        public var invalidRows = 0
        public var errors = 0
        public var warnings = 0
        /// Valid rows per action.
        public var actions: [InvoiceAction: Int] = [:]
        /// Whether some Zuora row names its invoice by a 32-hex ID…
        public var hasIDKeys = false
        /// … and some by number (then numbers are resolved to IDs before the run).
        public var hasNumberKeys = false
        /// Raw bytes read (compressed size for `.gz`).
        public var inputBytes = 0

        public init() {}

        /// Whether the numbers must be resolved so that an invoice named both ways is one ordered queue.
        public var needsKeyResolution: Bool { hasIDKeys && hasNumberKeys }
    }

    /// Reads `path` to the end.
    /// - Parameters:
    ///   - observe: sees every raw byte (for the input's sha256, and the spool of standard input).
    ///   - report: each diagnostic, in input order.
    public static func scan(
        path: String, format: InputFormat?, delimiter: UInt8?, defaultAction: InvoiceAction?,
        observe: @escaping (UnsafeRawBufferPointer) -> Void, report: (Diagnostic) throws -> Void
    ) throws -> Report {
        var bytes = 0
        let reader = try RecordReader(path: path, format: format, delimiter: delimiter) { chunk in
            bytes += chunk.count
            observe(chunk)
        }
        var summary = Report()
        summary.format = reader.format
        summary.header = reader.header
        summary.delimiter = reader.delimiter
        let checker = RowChecker(header: reader.format == .csv ? reader.header : nil, defaultAction: defaultAction)
        for diagnostic in checker.headerDiagnostics {
            summary.errors += diagnostic.severity == .error ? 1 : 0
            try report(diagnostic)
        }
        while let record = try reader.next() {
            let row = checker.check(record)
            summary.rows += 1
            for diagnostic in row.diagnostics {
                if diagnostic.severity == .error { summary.errors += 1 } else { summary.warnings += 1 }
                try report(diagnostic)
            }
            guard let operation = row.operation else {
                summary.invalidRows += 1
                continue
            }
            summary.actions[operation.action, default: 0] += 1
            if let key = operation.action.provider == .zuora ? operation.key : row.relatedInvoiceKey {
                if InvoiceKey.isID(key) { summary.hasIDKeys = true } else { summary.hasNumberKeys = true }
            }
        }
        summary.inputBytes = bytes
        return summary
    }
}
