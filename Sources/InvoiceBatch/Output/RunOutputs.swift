import InvoiceAPI

/// The files of a run directory written together, for `run`: every finished row goes to the journal at once, then
/// through a `ReorderBuffer` to the results and failures files in input order, into the summary counts, and a
/// checkpoint ties them together every `checkpointEvery` rows written.
///
/// It owns the ordering rules that make `--resume` exact, so the command does not have to: journal before results,
/// flush results and failures before the checkpoint that records their sizes, snapshot the counts in the same
/// checkpoint, and on resume cut the files back to that checkpoint, restore the counts, and hand back the rows that
/// finished after it (`alreadyFinished(row:)`) so they are written, not sent again. The finished run directory is
/// then byte for byte what an uninterrupted run writes (given the same results).
///
/// Not `Sendable`: one task owns it, the one that collects finished rows from the task group (rows finish
/// concurrently, but they come back to one place through `group.next()`).
public final class RunOutputs {
    public let directory: String
    public let resultsPath: String
    public let failuresPath: String
    /// The summary counts of the rows written so far (restored from the checkpoint on resume).
    public private(set) var counts: SummaryAccumulator
    private let results: ResultsWriter
    private let failures: FailuresWriter
    private let journal: RunJournal
    private var reorder: ReorderBuffer<(result: RowResult, record: SourceRecord?)>
    private var journaledAhead: [Int: RowResult]
    private let checkpointEvery: Int
    private var lastCheckpointRows: Int
    private let elapsedBefore: Int
    private let elapsed: () -> Duration

    /// Creates the run directory's files, or reopens them to go on after `resuming`.
    /// - Parameters:
    ///   - directory: the run directory (it must exist).
    ///   - format, header, delimiter: the input's (`RecordReader.format`, `.header`, `.delimiter`).
    ///   - checkpointEvery: rows written in order between checkpoints (`--chunk-size`).
    ///   - resuming: `RunJournal.load(directory:)` of this directory for `--resume`; nil for a new run.
    ///   - flushesEveryRow: see `RunJournal`.
    ///   - elapsed: time since this process started running rows (tests pass a fake clock).
    /// - Throws: `OutputError`: files cannot be created, or (resume) cut back, or the checkpoint's stats are bad.
    public init(
        directory: String, format: InputFormat, header: [String], delimiter: UInt8?, checkpointEvery: Int,
        resuming state: JournalState? = nil, flushesEveryRow: Bool = true, elapsed: (() -> Duration)? = nil
    ) throws(OutputError) {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.directory = directory
        resultsPath = "\(base)/\(ResultsWriter.fileName(for: format))"
        failuresPath = "\(base)/\(FailuresWriter.fileName(for: format))"
        let separator = delimiter ?? UInt8(ascii: ",")
        let checkpoint = state?.checkpoint
        let mode: OutputFile.Mode
        if let checkpoint {
            try OutputFile.truncate(resultsPath, to: checkpoint.resultsBytes)
            try OutputFile.truncate(failuresPath, to: checkpoint.failuresBytes)
            mode = .append
            counts =
                checkpoint.stats.isEmpty ? SummaryAccumulator() : try SummaryAccumulator(snapshot: checkpoint.stats)
        } else {
            mode = .truncate
            counts = SummaryAccumulator()
        }
        results = try ResultsWriter(path: resultsPath, format: format, delimiter: separator, mode: mode)
        failures = try FailuresWriter(
            path: failuresPath, format: format, header: header, delimiter: separator, mode: mode
        )
        if let state {
            journal = try RunJournal(resuming: state, directory: base, flushesEveryRow: flushesEveryRow)
        } else {
            journal = try RunJournal(directory: base, flushesEveryRow: flushesEveryRow)
        }
        let emitted = checkpoint?.rows ?? 0
        reorder = ReorderBuffer(firstRow: emitted + 1)
        journaledAhead = state?.finishedRows ?? [:]
        self.checkpointEvery = max(checkpointEvery, 1)
        lastCheckpointRows = emitted
        elapsedBefore = counts.elapsedMilliseconds
        if let elapsed {
            self.elapsed = elapsed
        } else {
            let start = ContinuousClock.now
            self.elapsed = { ContinuousClock.now - start }
        }
        if checkpoint == nil { try self.checkpoint() }
    }

    /// Rows written to the results file, in order (rows `1...emittedRows` are done).
    public var emittedRows: Int { reorder.nextRow - 1 }
    /// Rows finished but waiting for an earlier row.
    public var bufferedRows: Int { reorder.count }
    /// How far past the oldest unfinished row work has finished: keep it under the scheduler's window.
    public var lookAhead: Int { reorder.lookAhead }
    /// Rows the journal holds beyond the checkpoint that were not yet claimed with `alreadyFinished(row:)`.
    public var unclaimedJournaledRows: Int { journaledAhead.count }

    /// On resume: the result of `row` if it finished before the run stopped (then do not send it; pass the result
    /// to `replay`). Each row is handed out once.
    public func alreadyFinished(row: Int) -> RowResult? {
        journaledAhead.removeValue(forKey: row)
    }

    /// A row finished now: journal it, then write whatever is now in order.
    /// - Parameter record: the row as read; kept until written when the row did not succeed (failures file).
    public func finish(_ result: RowResult, record: SourceRecord) throws(OutputError) {
        try journal.append(result)
        try accept(result, record: record)
    }

    /// A row the journal already holds (from `alreadyFinished(row:)`): write it in order without journaling it again.
    public func replay(_ result: RowResult, record: SourceRecord) throws(OutputError) {
        try accept(result, record: record)
    }

    private func accept(_ result: RowResult, record: SourceRecord) throws(OutputError) {
        reorder.insert(row: result.row, (result, result.outcome == .succeeded ? nil : record))
        while let ready = reorder.popNext() {
            let next = ready.value
            try results.write(next.result)
            if let record = next.record { try failures.write(record, result: next.result) }
            counts.add(next.result)
        }
        if emittedRows - lastCheckpointRows >= checkpointEvery { try checkpoint() }
    }

    /// Adds to one of the run's own counters in the summary (token requests, read-backs, …).
    public func add(counter name: String, _ amount: Int = 1) {
        counts.add(counter: name, amount)
    }

    /// Flushes the results and failures files and records a checkpoint with their sizes and the counts: at exit, on
    /// SIGINT, and every `checkpointEvery` rows by itself.
    public func checkpoint() throws(OutputError) {
        try results.flush()
        try failures.flush()
        counts.elapsedMilliseconds = elapsedBefore + Self.milliseconds(elapsed())
        try journal.checkpoint(
            JournalCheckpoint(
                rows: emittedRows, resultsBytes: results.byteCount, failuresBytes: failures.byteCount,
                stats: counts.snapshot
            )
        )
        lastCheckpointRows = emittedRows
        try afterCheckpoint?()
    }

    /// Runs after every checkpoint: other outputs that flush with it (the audit log).
    public var afterCheckpoint: (() throws(OutputError) -> Void)?

    /// A final checkpoint, then closes every file. Rows still buffered (waiting for an earlier row that never
    /// finished, as after SIGINT) are journaled already, so a resume writes them.
    public func close() throws(OutputError) {
        try checkpoint()
        try results.close()
        try failures.close()
        try journal.close()
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let parts = duration.components
        return Int(parts.seconds) * 1_000 + Int(parts.attoseconds / 1_000_000_000_000_000)
    }
}
