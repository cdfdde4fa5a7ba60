import InvoiceAPI

/// One data record of the input file, with where it came from, before any meaning is given to it.
///
/// A record that cannot be read (a ragged CSV row, a JSONL line that is not a JSON object) is still a record:
/// it keeps its number and text so the row is reported and written to the failures file, never lost.
public struct SourceRecord: Sendable {
    /// Data record number, 1-based (the header is not a record; blank lines are skipped and not counted).
    public var row: Int
    /// Physical line (1-based) where the record starts; differs from `row` after multi-line quoted cells.
    public var line: Int
    /// What was read.
    public var content: Content

    public init(row: Int, line: Int, content: Content) {
        self.row = row
        self.line = line
        self.content = content
    }

    /// What a record holds.
    public enum Content: Sendable {
        /// A CSV record: one cell per header column, in header order.
        case cells([String])
        /// A JSONL record: the object and its original line text.
        case object(JSONObject, text: String)
        /// A record that could not be read; `cells` holds what was read of a CSV row, `text` the raw line.
        case malformed(InputProblem, cells: [String], text: String)
    }
}

/// Why one record could not be read. Row-level: the rest of the file goes on.
public struct InputProblem: Error, Sendable, Hashable {
    /// Stable rule name shown in diagnostics (`ragged-row`, `json-syntax`, `json-not-object`, `utf8`).
    public var rule: String
    /// What is wrong and how to fix it.
    public var message: String

    public init(rule: String, message: String) {
        self.rule = rule
        self.message = message
    }
}
