import Foundation
import InvoiceBatch
import Testing

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhereNeeded() throws {
        let writer = CSVWriter()
        try writer.writeRow(["plain", "with,comma", "say \"hi\"", "two\nlines", "cr\rhere", "", "semi;colon"])
        #expect(writer.text == "plain,\"with,comma\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,semi;colon\n")
    }

    @Test func quotesTheConfiguredDelimiter() throws {
        let writer = CSVWriter(options: CSVWriter.Options(delimiter: UInt8(ascii: ";")))
        try writer.writeRow(["a;b", "c,d"])
        #expect(writer.text == "\"a;b\";c,d\n")
    }

    @Test(arguments: [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+cmd", "'+cmd"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "\"'\rCR\""),
        ("=\"quoted\"", "\"'=\"\"quoted\"\"\""),
        ("-", "'-"),
        ("-10.50", "-10.50"),
        ("+3", "+3"),
        ("-1e3", "-1e3"),
        ("-.5", "-.5"),
        ("10.50", "10.50"),
        ("a=b", "a=b"),
        ("", ""),
    ])
    func neutralisesFormulasButNotNumbers(cell: String, expected: String) {
        #expect(CSVWriter.encode(cell, options: CSVWriter.Options(neutraliseFormulas: true)) == expected)
    }

    @Test func leavesFormulasAloneWhenNotAsked() {
        #expect(CSVWriter.encode("=1+1") == "=1+1")
    }

    @Test func roundTripsThroughTheReader() throws {
        let rows = [
            ["action", "invoiceKey", "comments"],
            ["update", "INV-1", "line one\r\nline two"],
            ["update", "INV-2", "\"quoted\", and ; and \t"],
            ["update", "INV-3", "Grüße 😀"],
            ["update", "INV-4", ""],
        ]
        let writer = CSVWriter()
        for row in rows { try writer.writeRow(row) }
        let reader = try CSVReader(source: MemoryByteSource(bytes: writer.bytes))
        #expect(reader.header == rows[0])
        var read: [[String]] = []
        while let record = try reader.next() {
            guard case .cells(let cells) = record.content else {
                Issue.record("unexpected \(record.content)")
                continue
            }
            read.append(cells)
        }
        #expect(read == Array(rows.dropFirst()))
    }

    @Test func writesFileInBufferedBlocksAndFlushes() throws {
        let path = try InputFixture.temporaryFile(named: "results.csv", contents: [])
        defer { InputFixture.removeTemporary(path) }
        let writer = try CSVWriter(path: path, options: CSVWriter.Options(bufferCapacity: 64))
        try writer.writeRow(["a", "b"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "")  // still buffered
        try writer.flush()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n")
        for index in 0..<100 { try writer.writeRow(["\(index)", "x"]) }
        // Past the buffer capacity, rows went out without an explicit flush.
        #expect(try String(contentsOfFile: path, encoding: .utf8).count > 64)
        try writer.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines.last == "99,x")
        #expect(throws: CSVWriterError.self) { try writer.writeRow(["late"]) }
    }

    @Test func reportsUncreatableFile() {
        #expect {
            try CSVWriter(path: "/nonexistent-dir/results.csv")
        } throws: { error in
            let error = error as? CSVWriterError
            return error?.code == .cannotCreate && error?.message.contains("directory exists") == true
        }
    }
}
