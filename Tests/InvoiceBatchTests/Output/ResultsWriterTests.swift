import InvoiceAPI
import InvoiceBatch
import Testing

@Suite struct ResultsWriterTests {
    static let results = [
        RowResult(
            row: 1, sourceRow: 1, line: 2, rowID: "ERP-1", action: "update", invoiceKey: "INV-001", outcome: .succeeded,
            httpStatus: 200, attempts: 1, durationMs: 120, requestID: "req-1", trackID: "run-1-1", processID: "P1",
            finishedAt: "2026-11-21T20:38:26.123Z"
        ),
        RowResult(
            row: 2, sourceRow: 7, line: 3, rowID: nil, action: "update", invoiceKey: "INV-002", outcome: .failed,
            httpStatus: 200, errorCode: "50000040", errorMessage: "Invoice not found.\r\nSecond, \"quoted\" reason\n",
            attempts: 2, durationMs: 2_500, requestID: "req-2", trackID: "run-2-2",
            finishedAt: "2026-11-21T20:38:27.000Z"
        ),
        RowResult(
            row: 3, sourceRow: 3, line: 5, rowID: "ERP-3", action: "update", invoiceKey: "INV-003", outcome: .invalid,
            errorCode: "date-format", errorMessage: "=cmd|' /C calc'!A0", finishedAt: "2026-11-21T20:38:27.001Z"
        ),
        RowResult(
            row: 4, sourceRow: 4, line: 6, rowID: nil, action: nil, invoiceKey: nil, outcome: .skipped,
            errorCode: "earlier-row-failed", errorMessage: "-row 2 of INV-002 failed",
            finishedAt: "2026-11-21T20:38:27.002Z"
        ),
    ]

    @Test func csvReportIsGolden() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try ResultsWriter(path: directory.file("results.csv"), format: .csv)
        for result in Self.results { try writer.write(result) }
        try writer.close()
        let expected = """
            row,sourceRow,line,rowId,action,invoiceKey,outcome,httpStatus,errorCode,errorMessage,attempts,durationMs,\
            requestId,trackId,processId,finishedAt
            1,1,2,ERP-1,update,INV-001,succeeded,200,,,1,120,req-1,run-1-1,P1,2026-11-21T20:38:26.123Z
            2,7,3,,update,INV-002,failed,200,50000040,"Invoice not found. Second, ""quoted"" reason ",2,2500,req-2,\
            run-2-2,,2026-11-21T20:38:27.000Z
            3,3,5,ERP-3,update,INV-003,invalid,,date-format,'=cmd|' /C calc'!A0,0,0,,,,2026-11-21T20:38:27.001Z
            4,4,6,,,,skipped,,earlier-row-failed,'-row 2 of INV-002 failed,0,0,,,,2026-11-21T20:38:27.002Z

            """
        #expect(try directory.text("results.csv") == expected)
        #expect(try directory.size("results.csv") == writer.byteCount)
    }

    @Test func csvReportUsesTheInputsSeparator() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try ResultsWriter(path: directory.file("results.csv"), format: .csv, delimiter: UInt8(ascii: ";"))
        try writer.write(Self.results[0])
        try writer.close()
        let lines = try directory.text("results.csv").split(separator: "\n")
        #expect(lines[0].hasPrefix("row;sourceRow;line;"))
        #expect(
            lines[1] == "1;1;2;ERP-1;update;INV-001;succeeded;200;;;1;120;req-1;run-1-1;P1;2026-11-21T20:38:26.123Z")
    }

    @Test func jsonlReportIsGolden() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try ResultsWriter(path: directory.file("results.jsonl"), format: .jsonl)
        for result in Self.results.prefix(3) { try writer.write(result) }
        try writer.close()
        let expected = """
            {"row":1,"sourceRow":1,"line":2,"rowId":"ERP-1","action":"update","invoiceKey":"INV-001",\
            "outcome":"succeeded","httpStatus":200,"errorCode":null,"errorMessage":null,"attempts":1,"durationMs":120,\
            "requestId":"req-1","trackId":"run-1-1","processId":"P1","finishedAt":"2026-11-21T20:38:26.123Z"}
            {"row":2,"sourceRow":7,"line":3,"rowId":null,"action":"update","invoiceKey":"INV-002","outcome":"failed",\
            "httpStatus":200,"errorCode":"50000040","errorMessage":"Invoice not found. Second, \\"quoted\\" reason ",\
            "attempts":2,"durationMs":2500,"requestId":"req-2","trackId":"run-2-2","processId":null,\
            "finishedAt":"2026-11-21T20:38:27.000Z"}
            {"row":3,"sourceRow":3,"line":5,"rowId":"ERP-3","action":"update","invoiceKey":"INV-003","outcome":"invalid",\
            "httpStatus":null,"errorCode":"date-format","errorMessage":"=cmd|' /C calc'!A0","attempts":0,"durationMs":0,\
            "requestId":null,"trackId":null,"processId":null,"finishedAt":"2026-11-21T20:38:27.001Z"}

            """
        #expect(try directory.text("results.jsonl") == expected)
    }

    @Test func jsonLinesReadBackAsTheSameResult() throws {
        for result in Self.results {
            let text = JSONWriter.string(.object(result.jsonObject))
            let object = try #require(try JSONParser().parse(text).objectValue)
            #expect(try RowResult(json: object) == result)
        }
    }

    @Test(arguments: [
        ("one\ntwo", "one two"), ("one\r\ntwo", "one two"), ("one\rtwo", "one two"), ("a\n\nb", "a  b"),
        ("plain", "plain"), ("\r\n", " "),
    ])
    func messagesAreFlattenedToOneLine(message: String, expected: String) {
        #expect(RowResult.singleLine(message) == expected)
    }

    @Test func appendModeKeepsTheHeaderAndGoesOn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try ResultsWriter(path: directory.file("results.csv"), format: .csv)
        try first.write(Self.results[0])
        try first.close()
        let again = try ResultsWriter(path: directory.file("results.csv"), format: .csv, mode: .append)
        #expect(again.byteCount == (try directory.size("results.csv")))
        try again.write(Self.results[0])
        try again.close()
        let lines = try directory.text("results.csv").split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("row,"))
        #expect(lines[1] == lines[2])
    }
}
