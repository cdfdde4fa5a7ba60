import InvoiceAPI
import InvoiceBatch
import Testing

@Suite struct JSONLReaderTests {
    @Test func readsObjectsAndReportsBadLinesWithoutStopping() throws {
        let reader = JSONLReader(source: try FileByteSource(path: InputFixture.path("mixed.jsonl")))
        var records: [SourceRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(records.map(\.row) == [1, 2, 3, 4, 5, 6])
        #expect(records.map(\.line) == [1, 4, 5, 6, 7, 8])
        #expect(
            records.map { $0.problem?.rule } == [nil, "json-syntax", "json-not-object", "utf8", "json-syntax", nil]
        )

        let first = try #require(records[0].object)
        #expect(first.keys == ["action", "invoiceKey", "dueDate"])
        // The CR of the CRLF is not part of the text.
        #expect(RecordSummary(records[0]).text == #"{"action":"update","invoiceKey":"INV-1","dueDate":"2026-12-01"}"#)

        let syntax = try #require(records[1].problem)
        #expect(syntax.message.hasPrefix("not valid JSON at column 20:"))
        #expect(RecordSummary(records[1]).text == #"{"action":"update","#)

        #expect(try #require(records[2].problem).message.contains("an array, not a JSON object"))

        let utf8 = try #require(records[3].problem)
        #expect(utf8.message.contains("column 17"))
        #expect(RecordSummary(records[3]).text == "{\"comments\":\"caf\u{FFFD}\"}")

        #expect(try #require(records[4].problem).message.contains("duplicate key 'a'"))

        let last = try #require(records[5].object)
        #expect(last.keys == ["z", "a"])
        #expect(last["a"]?.objectValue?["n"] == .number("-0.5e10"))
    }

    @Test func readsLinesStraddlingBlockBoundaries() throws {
        let text =
            "\u{FEFF}"
            + (1...50).map { #"{"row": \#($0), "comments": "\#(String(repeating: "é", count: $0 % 7))"}"# }
            .joined(separator: "\r\n") + "\n\n"
        let expected = try readAll(JSONLReader(source: MemoryByteSource(bytes: Array(text.utf8))))
        #expect(expected.count == 50)
        #expect(expected.allSatisfy { $0.rule == nil })
        #expect(expected[0].text == #"{"row": 1, "comments": "é"}"#)
        for blockSize in [4, 9, 32, 100] {
            let reader = JSONLReader(
                source: MemoryByteSource(bytes: Array(text.utf8), maxReadSize: 5),
                blockSize: blockSize
            )
            #expect(try readAll(reader) == expected, "block size \(blockSize)")
        }
    }

    @Test func reportsOverlongLineInBoundedMemoryAndReadsOn() throws {
        let long = "{\"x\":\"" + String(repeating: "a", count: 5000) + "\"}"
        let text = "{\"a\":1}\n" + long + "\n{\"b\":2}\n" + long
        let reader = JSONLReader(source: MemoryByteSource(bytes: Array(text.utf8)), blockSize: 64, maxLineBytes: 2048)
        let records = try readAll(reader)
        #expect(records.map(\.rule) == [nil, "line-too-long", nil, "line-too-long"])
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records[1].text?.count == 1025)  // the first KiB and an ellipsis
        #expect(records[2].text == #"{"b":2}"#)
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try JSONLReader(source: MemoryByteSource(bytes: [])).next() == nil)
        #expect(try JSONLReader(source: MemoryByteSource(bytes: Array("\n \n\r\n".utf8))).next() == nil)
    }
}
