import InvoiceAPI
import InvoiceBatch
import Testing

@Suite struct RunJournalTests {
    @Test func loadGivesTheLastCheckpointAndTheRowsFinishedBeyondIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let journal = try RunJournal(directory: directory.path)
        try journal.checkpoint(JournalCheckpoint(rows: 0, resultsBytes: 10, failuresBytes: 5))
        // Completion order: 2, 1, 5 (ahead), 3 → rows 1-3 written in order.
        for row in [2, 1, 5, 3] { try journal.append(sampleResult(row: row)) }
        try journal.checkpoint(
            JournalCheckpoint(rows: 3, resultsBytes: 300, failuresBytes: 50, stats: JSONObject(["rows": .number("3")]))
        )
        try journal.append(sampleResult(row: 7, outcome: .failed, code: "50000040", message: "line one\nline two"))
        try journal.append(sampleResult(row: 4))
        try journal.close()
        // kill -9 in the middle of writing row 6's line.
        let tear = #"{"row":6,"sourceRow":6,"line":7,"rowId":"ER"#
        try directory.append(tear, to: "journal.jsonl")
        let sizeBeforeTear = try directory.size("journal.jsonl") - tear.utf8.count

        let state = try RunJournal.load(directory: directory.path)
        #expect(
            state.checkpoint
                == JournalCheckpoint(
                    rows: 3, resultsBytes: 300, failuresBytes: 50, stats: JSONObject(["rows": .number("3")])))
        #expect(state.emittedRows == 3)
        #expect(state.finishedRows.keys.sorted() == [4, 5, 7])
        #expect(
            state.finishedRows[7]
                == sampleResult(row: 7, outcome: .failed, code: "50000040", message: "line one\nline two"))
        #expect(state.rowLines == 6)
        let torn = try #require(state.tornLine)
        #expect(torn.length == tear.utf8.count)
        #expect(torn.offset == sizeBeforeTear)
        #expect(state.validLength == sizeBeforeTear)
        #expect(torn.prefix.hasPrefix(#"{"row":6"#))
    }

    @Test func resumingCutsTheTornLineAndAppends() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let journal = try RunJournal(directory: directory.path)
        try journal.checkpoint(JournalCheckpoint(rows: 0, resultsBytes: 0, failuresBytes: 0))
        try journal.append(sampleResult(row: 2))
        try journal.close()
        try directory.append(#"{"checkpo"#, to: "journal.jsonl")

        let state = try RunJournal.load(directory: directory.path)
        #expect(state.tornLine != nil)
        let resumed = try RunJournal(resuming: state, directory: directory.path)
        try resumed.append(sampleResult(row: 1))
        try resumed.checkpoint(JournalCheckpoint(rows: 2, resultsBytes: 20, failuresBytes: 0))
        try resumed.close()
        let again = try RunJournal.load(directory: directory.path)
        #expect(again.tornLine == nil)
        #expect(again.checkpoint?.rows == 2)
        #expect(again.finishedRows.isEmpty)
        #expect(again.rowLines == 2)
        #expect(try directory.text("journal.jsonl").split(separator: "\n").count == 4)
    }

    @Test func rowsAreOnDiskAsSoonAsTheyAreAppended() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let journal = try RunJournal(directory: directory.path)
        try journal.append(sampleResult(row: 1))
        // Not flushed, not closed: what a kill -9 now would leave.
        let state = try RunJournal.load(directory: directory.path)
        #expect(state.checkpoint == nil)
        #expect(state.finishedRows.keys.sorted() == [1])
        try journal.close()
    }

    @Test func withoutPerRowFlushRowsWaitForTheCheckpoint() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let journal = try RunJournal(directory: directory.path, flushesEveryRow: false)
        try journal.append(sampleResult(row: 1))
        #expect(try RunJournal.load(directory: directory.path).rowLines == 0)
        try journal.checkpoint(JournalCheckpoint(rows: 1, resultsBytes: 1, failuresBytes: 1))
        #expect(try RunJournal.load(directory: directory.path).rowLines == 1)
        try journal.close()
    }

    @Test func aDamagedMiddleLineIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            #"{"checkpoint":0,"resultsBytes":0,"failuresBytes":0,"stats":{}}"# + "\nnot json\n", to: "journal.jsonl"
        )
        let error = #expect(throws: OutputError.self) { try RunJournal.load(directory: directory.path) }
        #expect(error?.code == .corruptFile)
        #expect(error?.message.contains("line 2") == true)
    }

    @Test func aMissingJournalSaysWhatToDo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = #expect(throws: OutputError.self) { try RunJournal.load(directory: directory.path) }
        #expect(error?.code == .cannotRead)
    }

    @Test func truncateCutsBackAndRefusesAShorterFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("header\nrow1\nrow2\n", to: "results.csv")
        try OutputFile.truncate(directory.file("results.csv"), to: 12)
        #expect(try directory.text("results.csv") == "header\nrow1\n")
        let longer = #expect(throws: OutputError.self) {
            try OutputFile.truncate(directory.file("results.csv"), to: 100)
        }
        #expect(longer?.code == .cannotTruncate)
        #expect(try directory.text("results.csv") == "header\nrow1\n")
        let missing = #expect(throws: OutputError.self) {
            try OutputFile.truncate(directory.file("missing.csv"), to: 0)
        }
        #expect(missing?.code == .cannotTruncate)
    }

    /// Many chunks: the rows kept in memory while loading are only those ahead of each checkpoint.
    @Test func longJournalLoadsWithOnlyTheWindowKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let journal = try RunJournal(directory: directory.path, flushesEveryRow: false)
        var random = SeededGenerator(state: 42)
        var buffer = ReorderBuffer<Int>()
        var pending = Array(1...20)
        var next = 21
        var emitted = 0
        while emitted < 10_000 {
            let row = pending.remove(at: Int.random(in: 0..<pending.count, using: &random))
            try journal.append(sampleResult(row: row))
            buffer.insert(row: row, row)
            while buffer.popNext() != nil { emitted += 1 }
            if emitted % 500 == 0 || emitted >= 9_990 {
                try journal.checkpoint(JournalCheckpoint(rows: emitted, resultsBytes: emitted, failuresBytes: 0))
            }
            if next <= 10_000 {
                pending.append(next)
                next += 1
            }
            if emitted >= 9_990 { break }
        }
        try journal.close()
        let state = try RunJournal.load(directory: directory.path)
        #expect(state.checkpoint?.rows == emitted)
        #expect(state.finishedRows.keys.allSatisfy { $0 > emitted })
        #expect(state.finishedRows.count == buffer.count)
        #expect(state.finishedRows.count < 20)
    }
}
