import InvoiceAPI

/// The `--report` file of `validate`: every finding as CSV (`row,line,column,severity,rule,message`), for a
/// spreadsheet or a script. Formula-like cells are neutralised: messages quote the user's own cells.
public final class FindingsReport {
    public static let columns = ["row", "line", "column", "severity", "rule", "message"]
    private let writer: CSVWriter

    /// Creates (or truncates) `path` and writes the header.
    public init(path: String) throws {
        writer = try CSVWriter(path: path, options: CSVWriter.Options(neutraliseFormulas: true))
        try writer.writeRow(Self.columns)
    }

    public func write(_ diagnostic: Diagnostic) throws {
        try writer.writeRow([
            diagnostic.row.map(String.init) ?? "", String(diagnostic.line), diagnostic.column ?? "",
            diagnostic.severity.rawValue, diagnostic.rule.rawValue, diagnostic.message,
        ])
    }

    public func close() throws {
        try writer.close()
    }
}
