import InvoiceBatch
import Testing

@Suite struct CSVReaderTests {
    @Test func stripsByteOrderMarkAndDetectsSemicolonWithCRLF() throws {
        let reader = try CSVReader(source: FileByteSource(path: InputFixture.path("bom-semicolon.csv")))
        #expect(reader.header == ["action", "invoiceKey", "dueDate", "comments"])
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(reader.delimiterWasDetected)
        #expect(
            try readAll(reader) == [
                RecordSummary(row: 1, line: 2, cells: ["update", "INV-0001", "2026-12-01", "Net 30"]),
                RecordSummary(row: 2, line: 3, cells: ["update", "INV-0002", "2026-12-02", "Say \"hi\"; twice"]),
            ]
        )
    }

    @Test func detectsTabOverCommasInCells() throws {
        let reader = try CSVReader(source: FileByteSource(path: InputFixture.path("tabs.txt")))
        #expect(reader.delimiter == 0x09)
        #expect(
            try readAll(reader) == [
                RecordSummary(row: 1, line: 2, cells: ["update", "INV-0001", "one, two, three"]),
                RecordSummary(row: 2, line: 3, cells: ["update", "INV-0002", "tab\tinside"]),
            ]
        )
    }

    @Test(arguments: [
        ("a,b;c\n", UInt8(ascii: ",")),  // tie → comma
        ("a;b\tc\n", UInt8(ascii: ";")),  // tie between ; and tab → semicolon
        ("a\tb\tc;d\n", UInt8(0x09)),
        ("\"x;y;z\",b\n", UInt8(ascii: ",")),  // separators inside quotes do not count
        ("single\n", UInt8(ascii: ",")),
    ])
    func detectsDelimiter(text: String, expected: UInt8) throws {
        #expect(try csvReader(text).delimiter == expected)
    }

    @Test func usesExplicitDelimiter() throws {
        let reader = try csvReader("a;b|c\n1;2|3\n", delimiter: UInt8(ascii: "|"))
        #expect(!reader.delimiterWasDetected)
        #expect(reader.header == ["a;b", "c"])
        #expect(try readAll(reader) == [RecordSummary(row: 1, line: 2, cells: ["1;2", "3"])])
    }

    @Test func rejectsQuoteAsDelimiter() {
        #expect(throws: InputError.self) { try csvReader("a,b\n", delimiter: UInt8(ascii: "\"")) }
    }

    @Test func readsQuotesMultiLineCellsAndKeepsLineNumbers() throws {
        let reader = try CSVReader(source: FileByteSource(path: InputFixture.path("multiline.csv")))
        let records = try readAll(reader)
        #expect(
            records == [
                RecordSummary(row: 1, line: 2, cells: ["update", "INV-0001", "first line\nsecond line"]),
                RecordSummary(row: 2, line: 4, cells: ["update", "INV-0002", "plain"]),
                RecordSummary(row: 3, line: 5, cells: ["update", "INV-0003", "a\r\nb\r\nc \"quoted\", ok"]),
                RecordSummary(row: 4, line: 9, cells: ["update", "INV-0004", "a\"b"]),
                RecordSummary(row: 5, line: 11, cells: ["update", "INV-0005", "", ""], rule: "ragged-row"),
                RecordSummary(row: 6, line: 12, cells: ["update", "INV-0006", "last"]),
            ]
        )
    }

    @Test func reportsRaggedRowsAndReadsOn() throws {
        let reader = try CSVReader(source: FileByteSource(path: InputFixture.path("ragged.csv")))
        var records: [SourceRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(records.map(\.row) == [1, 2, 3, 4])
        #expect(records.map(\.line) == [2, 3, 4, 5])
        #expect(records[0].problem == nil)
        let more = try #require(records[1].problem)
        #expect(more.rule == "ragged-row")
        #expect(more.message.hasPrefix("row has 5 cells but the header has 4 columns"))
        #expect(more.message.contains("double quotes"))
        let fewer = try #require(records[2].problem)
        #expect(fewer.message.hasPrefix("row has 3 cells but the header has 4 columns"))
        #expect(RecordSummary(records[2]).cells == ["1", "2", "3"])
        #expect(RecordSummary(records[3]) == RecordSummary(row: 4, line: 5, cells: ["5", "6", "7", "8"]))
    }

    @Test func emptyFileHasNoHeaderAndNoRecords() throws {
        let reader = try CSVReader(source: FileByteSource(path: InputFixture.path("empty.csv")))
        #expect(reader.header.isEmpty)
        #expect(try reader.next() == nil)
        let blankOnly = try csvReader("\n\r\n\n")
        #expect(blankOnly.header.isEmpty)
        #expect(try blankOnly.next() == nil)
    }

    @Test func headerOnlyHasZeroRecords() throws {
        let reader = try CSVReader(source: FileByteSource(path: InputFixture.path("header-only.csv")))
        #expect(reader.header == ["action", "invoiceKey", "dueDate"])
        #expect(try reader.next() == nil)
        #expect(try csvReader("a,b").header == ["a", "b"])
    }

    @Test func readsLastRecordWithoutTrailingNewline() throws {
        let reader = try CSVReader(source: FileByteSource(path: InputFixture.path("no-trailing-newline.csv")))
        #expect(
            try readAll(reader) == [
                RecordSummary(row: 1, line: 2, cells: ["update", "INV-1"]),
                RecordSummary(row: 2, line: 3, cells: ["update", "INV-2"]),
            ]
        )
        // A trailing separator at the end of input is an empty last cell.
        #expect(try readAll(csvReader("a,b\n1,")) == [RecordSummary(row: 1, line: 2, cells: ["1", ""])])
    }

    @Test func acceptsLoneCarriageReturnLineEnds() throws {
        let reader = try csvReader("a,b\r1,2\r\r3,\"x\ry\"\r4,5")
        #expect(
            try readAll(reader) == [
                RecordSummary(row: 1, line: 2, cells: ["1", "2"]),
                RecordSummary(row: 2, line: 4, cells: ["3", "x\ry"]),
                RecordSummary(row: 3, line: 6, cells: ["4", "5"]),
            ]
        )
    }

    @Test func skipsBlankLinesAndEmptyRowsWithoutCountingThem() throws {
        let reader = try csvReader("\n\na,b\n\n1,2\n,\n  \"\",\"\"\n3,4\n")
        #expect(reader.header == ["a", "b"])
        // `  "",""` is not blank: its first cell is two spaces and a quoted text, read literally.
        let records = try readAll(reader)
        #expect(records.map(\.row) == [1, 2, 3])
        #expect(records.map(\.line) == [5, 7, 8])
        #expect(records[1].cells == ["  \"\"", ""])
        #expect(try readAll(csvReader("a,b\n\"\",\"\"\n5,6\n")) == [RecordSummary(row: 1, line: 3, cells: ["5", "6"])])
    }

    @Test func takesStrayQuoteInUnquotedCellLiterally() throws {
        #expect(
            try readAll(csvReader("a,b\n5\" screen,x\"y\n")) == [
                RecordSummary(row: 1, line: 2, cells: ["5\" screen", "x\"y"])
            ]
        )
    }

    @Test func reportsTextAfterClosingQuote() throws {
        let records = try csvReader("a,b\n\"ab\"c,d\n1,2\n")
        var all: [SourceRecord] = []
        while let record = try records.next() { all.append(record) }
        #expect(all.count == 2)
        let problem = try #require(all[0].problem)
        #expect(problem.rule == "csv-quote")
        #expect(problem.message.contains("column 1 'a'"))
        #expect(RecordSummary(all[0]).cells == ["abc", "d"])
        #expect(all[1].problem == nil)
    }

    @Test func reportsQuoteNeverClosed() throws {
        let reader = try csvReader("a,b\n1,2\n3,\"open\n4,5\n")
        var all: [SourceRecord] = []
        while let record = try reader.next() { all.append(record) }
        #expect(all.count == 2)
        let problem = try #require(all[1].problem)
        #expect(problem.rule == "csv-quote")
        #expect(problem.message.contains("line 3 is never closed"))
        #expect(RecordSummary(all[1]).cells == ["3", "open\n4,5\n"])
    }

    @Test func reportsInvalidUTF8NamingTheColumn() throws {
        let reader = try CSVReader(source: FileByteSource(path: InputFixture.path("latin1.csv")))
        var all: [SourceRecord] = []
        while let record = try reader.next() { all.append(record) }
        #expect(all.count == 2)
        let problem = try #require(all[0].problem)
        #expect(problem.rule == "utf8")
        #expect(problem.message.contains("column 3 'comments'"))
        #expect(RecordSummary(all[0]).cells == ["update", "INV-1", "caf\u{FFFD}"])
        #expect(all[1].problem == nil)
    }

    @Test func keepsValidMultiByteText() throws {
        let reader = try csvReader("name,note\nGrüße,\"😀 \"\"x\"\"\"\n")
        #expect(try readAll(reader) == [RecordSummary(row: 1, line: 2, cells: ["Grüße", "😀 \"x\""])])
    }

    /// The same text read with every block size from tiny (records and even CRLF pairs and `""` cut across
    /// blocks, buffer growth) to large, and with short reads like a pipe's, gives the same records.
    @Test func readsRecordsStraddlingBlockBoundaries() throws {
        let text =
            "\u{FEFF}action;invoiceKey;comments\r\n"
            + (1...40).map { "update;INV-\($0);\($0 % 3 == 0 ? "\"multi\r\nline \"\"\($0)\"\"\"" : "plain \($0)")\r\n" }
            .joined()
            + "\r\n;;\r\nupdate;INV-last;\"tail\""
        let expected = try readAll(csvReader(text, blockSize: 1 << 16))
        #expect(expected.count == 41)
        #expect(expected.last == RecordSummary(row: 41, line: 57, cells: ["update", "INV-last", "tail"]))
        #expect(expected[2] == RecordSummary(row: 3, line: 4, cells: ["update", "INV-3", "multi\r\nline \"3\""]))
        for blockSize in [4, 5, 7, 16, 33, 64, 100] {
            #expect(try readAll(csvReader(text, blockSize: blockSize)) == expected, "block size \(blockSize)")
            #expect(try readAll(csvReader(text, blockSize: 64, maxReadSize: 3)) == expected, "short reads")
        }
    }

    @Test func reportsOverlongRecordAndResumesOnNextLine() throws {
        // An unclosed quote swallows the rest of the file; with a 64-byte limit the record is cut off and
        // reading resumes on the line after the one the record started on.
        let text = "a,b\n1,\"never closed\n" + String(repeating: "x", count: 100) + "\n2,3\n4,5\n"
        let reader = try CSVReader(
            source: MemoryByteSource(bytes: Array(text.utf8)),
            blockSize: 16,
            maxRecordBytes: 64
        )
        // The 100-byte line of x is over the limit as well; the lines after it are read normally.
        #expect(
            try readAll(reader) == [
                RecordSummary(row: 1, line: 2, rule: "record-too-long"),
                RecordSummary(row: 2, line: 3, rule: "record-too-long"),
                RecordSummary(row: 3, line: 4, cells: ["2", "3"]),
                RecordSummary(row: 4, line: 5, cells: ["4", "5"]),
            ]
        )
    }
}
