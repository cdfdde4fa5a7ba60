import InvoiceAPI
import InvoiceBatch
import Testing

@Suite struct RunOutputsTests {
    static let header = ["action", "invoiceKey", "comments"]

    static func record(_ row: Int) -> SourceRecord {
        SourceRecord(row: row, line: row + 1, content: .cells(["update", "INV-\(row)", "=comment \(row)"]))
    }

    static func result(_ row: Int) -> RowResult {
        switch row % 7 {
        case 3:
            sampleResult(row: row, outcome: .failed, code: "50000040", message: "=SUM(1)\nnot found", durationMs: row)
        case 5: sampleResult(row: row, outcome: .invalid, code: "date-format", message: "bad date", attempts: 0)
        default: sampleResult(row: row, durationMs: row, tooManyRequests: row % 11 == 0 ? 1 : 0)
        }
    }

    /// Completion order: rows start in order and finish in a seeded random order within a window of 8.
    static func completionOrder(rows: Int, seed: UInt64) -> [Int] {
        var random = SeededGenerator(state: seed)
        var running: [Int] = []
        var next = 1
        var order: [Int] = []
        while order.count < rows {
            while next <= rows, running.count < 8 {
                running.append(next)
                next += 1
            }
            order.append(running.remove(at: Int.random(in: 0..<running.count, using: &random)))
        }
        return order
    }

    static func run(_ order: ArraySlice<Int>, into outputs: RunOutputs) throws {
        for row in order { try outputs.finish(result(row), record: record(row)) }
    }

    @Test func writesInInputOrderWithCheckpointsPerChunk() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outputs = try RunOutputs(
            directory: directory.path, format: .csv, header: Self.header, delimiter: UInt8(ascii: ","),
            checkpointEvery: 10, elapsed: { .seconds(2) }
        )
        let order = Self.completionOrder(rows: 95, seed: 1)
        try Self.run(order[...], into: outputs)
        #expect(outputs.emittedRows == 95)
        #expect(outputs.bufferedRows == 0)
        try outputs.close()

        let lines = try directory.text("results.csv").split(separator: "\n")
        #expect(lines.count == 96)
        #expect(lines.dropFirst().map { Int($0.prefix { $0 != "," })! } == Array(1...95))
        // The same message: neutralised in results, as written in failures.
        #expect(lines[3].contains(",'=SUM(1) not found,"))
        let failures = try directory.text("failures.csv").split(separator: "\n")
        #expect(failures.count == 1 + (1...95).filter { $0 % 7 == 3 || $0 % 7 == 5 }.count)
        #expect(failures[1] == "update,INV-3,=comment 3,3,failed,50000040,=SUM(1) not found")

        let state = try RunJournal.load(directory: directory.path)
        #expect(state.checkpoint?.rows == 95)
        #expect(state.checkpoint?.resultsBytes == (try directory.size("results.csv")))
        #expect(state.checkpoint?.failuresBytes == (try directory.size("failures.csv")))
        #expect(state.rowLines == 95)
        #expect(outputs.counts.rows == 95)
        #expect(outputs.counts.elapsedMilliseconds == 2_000)
    }

    /// `kill -9` after some rows (the files as they are on disk at that moment, plus a torn journal line), then
    /// `--resume`: the finished directory equals that of a run that never stopped, and no journaled row is sent again.
    @Test(arguments: [0, 1, 9, 10, 11, 37, 60, 94])
    func crashThenResumeGivesTheSameFiles(crashAfter: Int) throws {
        let order = Self.completionOrder(rows: 95, seed: 3)

        let reference = try TemporaryDirectory()
        defer { reference.remove() }
        let whole = try RunOutputs(
            directory: reference.path, format: .csv, header: Self.header, delimiter: UInt8(ascii: ","),
            checkpointEvery: 10, elapsed: { .zero }
        )
        try Self.run(order[...], into: whole)
        try whole.close()

        let crashed = try TemporaryDirectory()
        defer { crashed.remove() }
        let partial = try TemporaryDirectory()
        defer { partial.remove() }
        let first = try RunOutputs(
            directory: partial.path, format: .csv, header: Self.header, delimiter: UInt8(ascii: ","),
            checkpointEvery: 10, elapsed: { .zero }
        )
        try Self.run(order.prefix(crashAfter), into: first)
        try partial.copyFiles(to: crashed)
        try crashed.append(#"{"row":999,"sourceRo"#, to: "journal.jsonl")
        // A full write buffer flushed after the last checkpoint (64 KiB of rows in a real run) left rows on disk.
        try crashed.append(
            "999,999,1000,ERP-999,update,INV-999,succeeded,200,,,1,5,req,run,,2026\n9", to: "results.csv")
        try crashed.append("update,INV-999,x,999,failed,1,", to: "failures.csv")
        try first.close()

        // Resume as `run --resume` does: rows up to the checkpoint skipped, journaled rows replayed, the rest sent.
        let state = try RunJournal.load(directory: crashed.path)
        #expect(state.tornLine != nil)
        let resumed = try RunOutputs(
            directory: crashed.path, format: .csv, header: Self.header, delimiter: UInt8(ascii: ","),
            checkpointEvery: 10, resuming: state, elapsed: { .zero }
        )
        var sent: [Int] = []
        for row in (resumed.emittedRows + 1)...95 {
            if let done = resumed.alreadyFinished(row: row) {
                try resumed.replay(done, record: Self.record(row))
            } else {
                sent.append(row)
                try resumed.finish(Self.result(row), record: Self.record(row))
            }
        }
        #expect(resumed.unclaimedJournaledRows == 0)
        try resumed.close()

        let finishedBeforeCrash = Set(order.prefix(crashAfter))
        #expect(sent.allSatisfy { !finishedBeforeCrash.contains($0) }, "a journaled row was sent again")
        #expect(sent.count == 95 - crashAfter)
        #expect(try crashed.text("results.csv") == (try reference.text("results.csv")))
        #expect(try crashed.text("failures.csv") == (try reference.text("failures.csv")))
        #expect(resumed.counts.snapshot == whole.counts.snapshot)
        let final = try RunJournal.load(directory: crashed.path)
        #expect(final.tornLine == nil)
        #expect(final.checkpoint?.rows == 95)
    }

    @Test func jsonlRunWritesJSONLFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outputs = try RunOutputs(
            directory: directory.path, format: .jsonl, header: [], delimiter: nil, checkpointEvery: 500
        )
        let object = JSONObject(["action": .string("update"), "invoiceKey": .string("INV-3")])
        try outputs.finish(Self.result(3), record: SourceRecord(row: 3, line: 3, content: .object(object, text: "")))
        #expect(outputs.emittedRows == 0)
        #expect(outputs.lookAhead == 3)
        for row in [2, 1] {
            try outputs.finish(
                Self.result(row), record: SourceRecord(row: row, line: row, content: .object(object, text: "")))
        }
        try outputs.close()
        #expect(try directory.text("results.jsonl").split(separator: "\n").count == 3)
        #expect(
            try directory.text("failures.jsonl")
                == ##"{"action":"update","invoiceKey":"INV-3","#sourceRow":3,"#outcome":"failed","##
                + ##""#errorCode":"50000040","#errorMessage":"=SUM(1) not found"}"## + "\n"
        )
    }
}
