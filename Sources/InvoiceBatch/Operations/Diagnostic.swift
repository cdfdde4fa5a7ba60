import InvoiceAPI

/// One finding about the input, in the compiler style users already know how to read:
/// `bad.csv:14: error: row 12, column 'dueDate': '12/01/2026' is not yyyy-MM-dd (did you mean …?) [date-format]`.
/// Per-row problems are collected, never an abort: one pass reports every problem in the file.
public struct Diagnostic: Sendable, Hashable {
    /// An error stops the row from being sent; a warning reports a repair the tool made.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// The data record number; `nil` for a header or file problem.
    public var row: Int?
    /// The physical line (1 = the header).
    public var line: Int
    /// The column (or JSON member path) concerned, if any.
    public var column: String?
    public var rule: RuleName
    /// What is wrong and how to fix it.
    public var message: String

    public init(
        _ severity: Severity, row: Int?, line: Int, column: String?, rule: RuleName, message: String
    ) {
        self.severity = severity
        self.row = row
        self.line = line
        self.column = column
        self.rule = rule
        self.message = message
    }

    /// The one-line compiler-style rendering for `file`.
    public func rendered(file: String) -> String {
        var text = "\(file):\(line): \(severity.rawValue): "
        var location: [String] = []
        if let row { location.append("row \(row)") }
        if let column { location.append("column '\(column)'") }
        if !location.isEmpty { text += location.joined(separator: ", ") + ": " }
        return text + message + " [\(rule)]"
    }
}
