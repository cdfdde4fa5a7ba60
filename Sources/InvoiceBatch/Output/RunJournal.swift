import InvoiceAPI

/// The resume ledger of a run directory (`journal.jsonl`): one JSON line per finished row, in completion order,
/// and a checkpoint line each time the in-order outputs were flushed.
///
/// Why a journal and not only the results file: rows finish out of order, and the results file holds only the
/// contiguous run; a row that finished ahead of a slow one exists nowhere else, and sending it again on resume
/// could apply a non-repeatable change (an e-invoice cancel) twice. So every finished row is journaled as soon as it
/// finishes, and checkpoints tie the journal to the results and failures files' sizes.
///
/// Durability: a row line is handed to the kernel (`write(2)`) as it is appended when `flushesEveryRow` (the
/// default) — one small system call per row, noise beside its HTTP request — so a `kill -9` loses no finished row.
/// With it off, rows are flushed per checkpoint (per chunk) and at exit, and a crash loses the unflushed rows
/// (they are sent again). Checkpoint lines are always flushed. Each line is one `write(2)` of an `O_APPEND` file, so
/// a crash can only cut the *last* line short: `load` ignores such a torn line and reports it, and resuming cuts it
/// off before appending.
public final class RunJournal {
    /// `journal.jsonl`.
    public static let fileName = "journal.jsonl"

    /// The journal's path.
    public var path: String { file.path }
    private let file: OutputFile
    private let flushesEveryRow: Bool

    /// Starts a new journal in `directory` (emptying any old one).
    /// - Throws: `OutputError` `.cannotCreate`.
    public convenience init(directory: String, flushesEveryRow: Bool = true) throws(OutputError) {
        try self.init(path: Self.path(in: directory), mode: .truncate, flushesEveryRow: flushesEveryRow)
    }

    /// Reopens the journal of `directory` to go on after `state` (from `load`): cuts off a torn last line, then
    /// appends.
    /// - Throws: `OutputError` `.cannotTruncate`, `.cannotCreate`.
    public convenience init(
        resuming state: JournalState, directory: String, flushesEveryRow: Bool = true
    )
        throws(OutputError)
    {
        let path = Self.path(in: directory)
        try OutputFile.truncate(path, to: state.validLength)
        try self.init(path: path, mode: .append, flushesEveryRow: flushesEveryRow)
    }

    private init(path: String, mode: OutputFile.Mode, flushesEveryRow: Bool) throws(OutputError) {
        file = try OutputFile(path: path, mode: mode, bufferCapacity: flushesEveryRow ? 0 : 64 * 1024)
        self.flushesEveryRow = flushesEveryRow
    }

    /// `<directory>/journal.jsonl`.
    public static func path(in directory: String) -> String {
        directory.hasSuffix("/") ? directory + fileName : "\(directory)/\(fileName)"
    }

    /// Records a finished row (all its `RowResult` fields).
    public func append(_ result: RowResult) throws(OutputError) {
        try file.append { buffer in
            JSONWriter.write(.object(result.journalObject), into: &buffer)
            buffer.append(0x0A)
        }
    }

    /// Records a checkpoint and flushes. Call it after flushing the results and failures files, with their sizes.
    public func checkpoint(_ checkpoint: JournalCheckpoint) throws(OutputError) {
        try file.append { buffer in
            JSONWriter.write(.object(checkpoint.jsonObject), into: &buffer)
            buffer.append(0x0A)
        }
        try file.flush()
    }

    /// Hands buffered lines to the kernel.
    public func flush() throws(OutputError) {
        try file.flush()
    }

    /// Flushes and closes.
    public func close() throws(OutputError) {
        try file.close()
    }
}
