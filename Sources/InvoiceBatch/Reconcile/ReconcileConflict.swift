/// A finding that breaks "exactly one final outcome per source row": the results contradict each other or the input.
public struct ReconcileConflict: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// One results file has two lines for the same source row.
        case duplicate
        /// A results line for a row the input does not have (no such `sourceRow`, or another `rowId`).
        case foreign
        /// Two `succeeded` results for one row that sent different requests.
        case differentRequests = "different-requests"
        /// Two `succeeded` results for one row whose requests cannot be rebuilt to compare.
        case uncomparable
    }

    public var kind: Kind
    /// The source row the results line claims.
    public var sourceRow: Int
    public var rowID: String?
    /// The results file and line (the later one, for a pair).
    public var file: String
    public var line: Int?
    public var message: String

    public init(kind: Kind, sourceRow: Int, rowID: String?, file: String, line: Int?, message: String) {
        self.kind = kind
        self.sourceRow = sourceRow
        self.rowID = rowID
        self.file = file
        self.line = line
        self.message = message
    }

    /// `g1.run/results.csv:4: source row 7: …`.
    public var text: String { "\(file)\(line.map { ":\($0)" } ?? ""): source row \(sourceRow): \(message)" }
}
