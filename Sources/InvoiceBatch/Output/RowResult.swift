/// One line of `results.csv` / `.jsonl`: the final outcome of one input row. Exactly one per row, in input order.
public struct RowResult: Sendable, Hashable {
    /// The four outcomes a row can end with.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        case succeeded
        case failed
        /// Broke an offline rule; never sent.
        case invalid
        /// Not sent because an earlier row of the same invoice did not succeed (`--on-failure skip`).
        case skipped
    }

    /// The columns of `results.csv`, in order.
    public static let columns = [
        "row", "sourceRow", "line", "rowId", "action", "invoiceKey", "outcome", "httpStatus", "errorCode",
        "errorMessage", "attempts", "durationMs", "requestId", "trackId", "processId", "finishedAt",
    ]

    public var row: Int
    public var sourceRow: Int
    public var line: Int
    public var rowID: String?
    /// The action's name (or what the row said, when it named no known action).
    public var action: String?
    public var invoiceKey: String?
    public var outcome: Outcome
    public var httpStatus: Int?
    public var errorCode: String?
    public var errorMessage: String?
    public var attempts: Int
    public var durationMs: Int
    public var requestID: String?
    public var trackID: String?
    public var processID: String?
    /// ISO 8601 UTC with milliseconds, e.g. `2026-11-21T20:38:26.123Z`.
    public var finishedAt: String
    /// HTTP 429 answers among the row's attempts. Not a results column: it goes to the journal and the summary, so
    /// a resumed run still counts the 429s of rows that finished before it stopped.
    public var tooManyRequests: Int

    public init(
        row: Int, sourceRow: Int, line: Int, rowID: String?, action: String?, invoiceKey: String?, outcome: Outcome,
        httpStatus: Int? = nil, errorCode: String? = nil, errorMessage: String? = nil, attempts: Int = 0,
        durationMs: Int = 0, requestID: String? = nil, trackID: String? = nil, processID: String? = nil,
        finishedAt: String, tooManyRequests: Int = 0
    ) {
        self.row = row
        self.sourceRow = sourceRow
        self.line = line
        self.rowID = rowID
        self.action = action
        self.invoiceKey = invoiceKey
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.attempts = attempts
        self.durationMs = durationMs
        self.requestID = requestID
        self.trackID = trackID
        self.processID = processID
        self.finishedAt = finishedAt
        self.tooManyRequests = tooManyRequests
    }

    /// The cells of this line, in `columns` order (empty for absent values).
    public var cells: [String] {
        [
            String(row), String(sourceRow), String(line), rowID ?? "", action ?? "", invoiceKey ?? "", outcome.rawValue,
            httpStatus.map(String.init) ?? "", errorCode ?? "", errorMessage ?? "", String(attempts), String(durationMs),
            requestID ?? "", trackID ?? "", processID ?? "", finishedAt,
        ]
    }
}
