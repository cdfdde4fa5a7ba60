/// The closing element of a segment: the counts of `summary.json` when it closed, so the log proves on its own
/// how the run ended.
public struct AuditSummary: Sendable {
    public var endedAt: String
    public var exitCode: Int
    public var rows: Int
    /// Rows by outcome (`succeeded`, `failed`, `invalid`, `skipped`).
    public var outcomes: [(name: String, count: Int)]
    /// Rows by action, as the rows named it.
    public var actions: [(name: String, count: Int)]
    /// Rows by the provider's error code.
    public var errorCodes: [(code: String, count: Int)]
    /// Run-wide counters: attempts, retries, tooManyRequests, tokenRequests, …
    public var counters: [(name: String, value: Int)]
    /// Why the segment ended early, when the run stopped on an error.
    public var error: String?

    public init(
        endedAt: String, exitCode: Int, rows: Int, outcomes: [(name: String, count: Int)] = [],
        actions: [(name: String, count: Int)] = [], errorCodes: [(code: String, count: Int)] = [],
        counters: [(name: String, value: Int)] = [], error: String? = nil
    ) {
        self.endedAt = endedAt
        self.exitCode = exitCode
        self.rows = rows
        self.outcomes = outcomes
        self.actions = actions
        self.errorCodes = errorCodes
        self.counters = counters
        self.error = error
    }
}
