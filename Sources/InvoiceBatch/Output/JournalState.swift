/// What a run's journal says about where the run stopped: read by `RunJournal.load(directory:)` for `--resume`.
public struct JournalState: Sendable {
    /// The last checkpoint; nil when the run stopped before its first (start again from row 1 with empty files).
    public var checkpoint: JournalCheckpoint?
    /// Rows that finished after the checkpoint's rows (`row > checkpoint.rows`), by row: they have a final outcome,
    /// so resume must not send them again but write these results when their turn comes in input order. Their count
    /// is bounded by the run's look-ahead window.
    public var finishedRows: [Int: RowResult]
    /// The length of the journal up to its last complete line; resume appends from here.
    public var validLength: Int
    /// A last line cut short by a crash mid-write, ignored (its row, if it was one, is sent again).
    public var tornLine: TornLine?
    /// Row lines read in the whole journal (for the "resuming" message).
    public var rowLines: Int

    /// A partial last line.
    public struct TornLine: Sendable, Hashable {
        /// Byte offset where it starts (equal to `validLength`).
        public var offset: Int
        /// Its length in bytes.
        public var length: Int
        /// Its first bytes, for the message.
        public var prefix: String
    }

    public init(
        checkpoint: JournalCheckpoint?, finishedRows: [Int: RowResult], validLength: Int, tornLine: TornLine?,
        rowLines: Int
    ) {
        self.checkpoint = checkpoint
        self.finishedRows = finishedRows
        self.validLength = validLength
        self.tornLine = tornLine
        self.rowLines = rowLines
    }

    /// Rows emitted in order at the last checkpoint (0 without one).
    public var emittedRows: Int { checkpoint?.rows ?? 0 }
}
