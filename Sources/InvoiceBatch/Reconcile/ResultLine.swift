/// One line of a results file read back, and where it was: the join key (`sourceRow`, `rowId`) and everything the
/// reconciliation reports (outcome, error, attempts, latency).
public struct ResultLine: Sendable {
    /// The line as the run wrote it.
    public var result: RowResult
    /// The physical line of the results file it starts on (the header is line 1 of a CSV).
    public var fileLine: Int

    public init(result: RowResult, fileLine: Int) {
        self.result = result
        self.fileLine = fileLine
    }
}
