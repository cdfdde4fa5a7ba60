import InvoiceAPI
import InvoiceBatch
import Testing

@Suite struct FailuresWriterTests {
    /// Writes the failures of `input` (every row, with `outcomeFor` deciding), as `run` does: records read by
    /// `RecordReader`, checked by `RowChecker` (for `sourceRow`), results from the check.
    static func writeFailures(
        input: String, name: String, directory: TemporaryDirectory,
        result: (CheckedRow) -> RowResult = { checked in
            sampleResult(
                row: checked.row, sourceRow: checked.sourceRow, outcome: .failed, code: "50000040",
                message: "Invoice not found.\nTry again"
            )
        }
    ) throws -> String {
        try directory.write(input, to: name)
        let (reader, records) = try readRecords(directory.file(name))
        let checker = RowChecker(header: reader.format == .csv ? reader.header : nil, defaultAction: nil)
        let format = reader.format
        let path = directory.file("failures-of-\(name)")
        let writer = try FailuresWriter(
            path: path, format: format, header: reader.header, delimiter: reader.delimiter ?? UInt8(ascii: ",")
        )
        for record in records { try writer.write(record, result: result(checker.check(record))) }
        try writer.close()
        return path
    }

    /// Reads a failures file back as the next run would.
    static func check(_ path: String) throws -> (reader: RecordReader, rows: [CheckedRow]) {
        let (reader, records) = try readRecords(path)
        let checker = RowChecker(header: reader.format == .csv ? reader.header : nil, defaultAction: nil)
        return (reader, records.map { checker.check($0) })
    }

    static func note(_ row: CheckedRow, _ name: String) -> String? {
        row.notes.first { $0.name == name }?.value
    }

    @Test func semicolonCSVRoundTripsThroughReaderAndChecker() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = #"""
            action;invoiceKey;dueDate;comments
            update;INV-001;2026-12-01;"first; with ""quotes"""
            update;INV-002;2026-12-02;=HYPERLINK("http://x")
            update;INV-003;2026-12-03;-10.50 EUR

            """#
        let path = try Self.writeFailures(input: input, name: "sheet.csv", directory: directory)
        let text = try directory.text("failures-of-sheet.csv")
        #expect(
            text == #"""
                action;invoiceKey;dueDate;comments;#sourceRow;#outcome;#errorCode;#errorMessage
                update;INV-001;2026-12-01;"first; with ""quotes""";1;failed;50000040;Invoice not found. Try again
                update;INV-002;2026-12-02;"=HYPERLINK(""http://x"")";2;failed;50000040;Invoice not found. Try again
                update;INV-003;2026-12-03;-10.50 EUR;3;failed;50000040;Invoice not found. Try again

                """#
        )
        let (reader, rows) = try Self.check(path)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(rows.map(\.sourceRow) == [1, 2, 3])
        #expect(rows.allSatisfy { $0.isValid }, "\(rows.flatMap(\.diagnostics))")
        #expect(rows.map { Self.note($0, "#outcome") } == ["failed", "failed", "failed"])
        // Not neutralised: the re-run sends exactly what the user wrote.
        let comments = rows.compactMap { $0.operation?.body?["comments"]?.stringValue }
        #expect(comments == ["first; with \"quotes\"", "=HYPERLINK(\"http://x\")", "-10.50 EUR"])
    }

    @Test func existingSourceRowColumnsAreReplacedInPlaceThroughReRuns() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A failures file of an earlier run: its rows were 12 and 40 of the original file.
        let input = """
            action,invoiceKey,#sourceRow,dueDate,#outcome,#errorCode,#errorMessage
            update,INV-001,12,2026-12-01,failed,50000050,locked
            update,INV-002,40,2026-12-02,failed,50000040,not found

            """
        var path = try Self.writeFailures(input: input, name: "run1.csv", directory: directory)
        for round in 2...3 {
            let text = try String(decoding: directory.bytes(String(path.split(separator: "/").last!)), as: UTF8.self)
            #expect(text.hasPrefix("action,invoiceKey,#sourceRow,dueDate,#outcome,#errorCode,#errorMessage\n"))
            let (_, rows) = try Self.check(path)
            #expect(rows.map(\.sourceRow) == [12, 40])
            #expect(rows.map { Self.note($0, "#errorCode") } == ["50000040", "50000040"])
            path = try Self.writeFailures(input: text, name: "run\(round).csv", directory: directory)
        }
        #expect(
            try directory.text("failures-of-run3.csv") == """
                action,invoiceKey,#sourceRow,dueDate,#outcome,#errorCode,#errorMessage
                update,INV-001,12,2026-12-01,failed,50000040,Invoice not found. Try again
                update,INV-002,40,2026-12-02,failed,50000040,Invoice not found. Try again

                """
        )
    }

    @Test func jsonlRoundTripKeepsMemberOrderAndNumbers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = """
            {"action":"update","invoiceKey":"INV-001","comments":"=1+1","invoiceItems":[{"id":"it-1","amount":-10.50}]}
            {"action":"update","#errorCode":"old","invoiceKey":"INV-002","dueDate":"2026-12-02","#sourceRow":"9"}

            """
        let path = try Self.writeFailures(input: input, name: "export.jsonl", directory: directory)
        #expect(
            try directory.text("failures-of-export.jsonl") == """
                {"action":"update","invoiceKey":"INV-001","comments":"=1+1","invoiceItems":[{"id":"it-1","amount":-10.50}],\
                "#sourceRow":1,"#outcome":"failed","#errorCode":"50000040","#errorMessage":"Invoice not found. Try again"}
                {"action":"update","#errorCode":"50000040","invoiceKey":"INV-002","dueDate":"2026-12-02","#sourceRow":9,\
                "#outcome":"failed","#errorMessage":"Invoice not found. Try again"}

                """
        )
        let (_, rows) = try Self.check(path)
        #expect(rows.map(\.sourceRow) == [1, 9])
        #expect(rows.map(\.key) == ["INV-001", "INV-002"])
        #expect(rows.map { Self.note($0, "#outcome") } == ["failed", "failed"])
    }

    @Test func raggedRowIsFittedToTheHeaderAndTheCutCellsAreNoted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = """
            action,invoiceKey,comments
            update,INV-001,a,b,"c,d"
            update,INV-002

            """
        let path = try Self.writeFailures(
            input: input, name: "ragged.csv", directory: directory,
            result: { checked in
                sampleResult(
                    row: checked.row, outcome: .invalid, code: checked.errors.first?.rule.rawValue,
                    message: checked.errors.first?.message, attempts: 0
                )
            }
        )
        let (reader, rows) = try Self.check(path)
        #expect(
            reader.header == [
                "action", "invoiceKey", "comments", "#sourceRow", "#outcome", "#errorCode", "#errorMessage",
            ])
        #expect(rows.count == 2)
        #expect(rows.map(\.sourceRow) == [1, 2])
        #expect(rows.map(\.key) == ["INV-001", "INV-002"])
        // Now it reads as a whole row: no longer ragged.
        #expect(rows.allSatisfy { row in !row.diagnostics.contains { $0.rule.rawValue == "ragged-row" } })
        let message = try #require(Self.note(rows[0], "#errorMessage"))
        #expect(message.hasPrefix("row has 5 cells but the header has 3 columns"))
        #expect(message.hasSuffix("[cells past the header's 3 columns were dropped from this row: \"b\", \"c,d\"]"))
        #expect(Self.note(rows[0], "#errorCode") == "ragged-row")
        #expect(rows[0].operation?.body?["comments"]?.stringValue == "a")
    }

    @Test func malformedJSONLLineIsKeptRaw() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = """
            {"action":"update","invoiceKey":"INV-001","dueDate":"2026-12-01"}
            {"action":"update", "invoiceKey":
            [1,2]

            """
        let path = try Self.writeFailures(
            input: input, name: "broken.jsonl", directory: directory,
            result: { checked in
                sampleResult(
                    row: checked.row, sourceRow: checked.sourceRow, outcome: checked.isValid ? .failed : .invalid,
                    code: checked.errors.first?.rule.rawValue ?? "50000040", message: checked.errors.first?.message,
                    attempts: 0
                )
            }
        )
        let lines = try directory.text("failures-of-broken.jsonl").split(separator: "\n")
        #expect(lines.count == 3)
        #expect(
            lines[1].hasPrefix(
                ##"{"#raw":"{\"action\":\"update\", \"invoiceKey\":","#sourceRow":2,"#outcome":"invalid","##
                    + ##""#errorCode":"json-syntax""##
            ))
        #expect(
            lines[2].hasPrefix(##"{"#raw":"[1,2]","#sourceRow":3,"#outcome":"invalid","#errorCode":"json-not-object""##)
        )
        let (_, rows) = try Self.check(path)
        #expect(rows.map(\.sourceRow) == [1, 2, 3])
        #expect(Self.note(rows[2], "#raw") == "[1,2]")
    }

    @Test func succeededRowsAreTheCallersToLeaveOutAndHeaderIsWrittenOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("failures.csv")
        let writer = try FailuresWriter(path: path, format: .csv, header: ["action", "invoiceKey"])
        try writer.close()
        #expect(
            try directory.text("failures.csv") == "action,invoiceKey,#sourceRow,#outcome,#errorCode,#errorMessage\n")
        let again = try FailuresWriter(path: path, format: .csv, header: ["action", "invoiceKey"], mode: .append)
        try again.write(
            SourceRecord(row: 5, line: 6, content: .cells(["update", "INV-5"])),
            result: sampleResult(row: 5, outcome: .skipped, code: nil, message: nil, attempts: 0)
        )
        try again.close()
        #expect(
            try directory.text("failures.csv")
                == "action,invoiceKey,#sourceRow,#outcome,#errorCode,#errorMessage\nupdate,INV-5,5,skipped,,\n"
        )
    }
}
