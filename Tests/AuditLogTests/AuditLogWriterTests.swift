import AuditLog
import Foundation
import Testing
import XMLTestSupport

@Suite struct AuditLogWriterTests {
    @Test func writesASchemaValidLogWithOneElementPerExchange() throws {
        let directory = try AuditLogFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("audit.xml").path
        let writer = try AuditLogWriter(path: path, run: AuditLogFixtures.run())
        writer.record(AuditLogFixtures.exchange(row: 1))
        writer.record(AuditLogFixtures.exchange(row: 2, status: nil, transportError: "connection reset"))
        writer.record(AuditLogFixtures.exchange(row: 3, status: 503))
        #expect(writer.exchangeCount == 3)
        try writer.close(summary: AuditLogFixtures.summary(rows: 3))

        let problems = try AuditLogValidator(schemaPath: AuditLogFixtures.schemaPath).problems(in: path)
        #expect(problems == [])
        let root = try XMLNode.parse(AuditLogFixtures.xml(at: path))
        #expect(root.name == "auditLog")
        #expect(root.attributes["runId"] == "20261121T101500Z-4f3a")
        #expect(root.attributes["segment"] == "1")
        #expect(root.first("input")?.contentString == "monthly-corrections.csv")
        let exchanges = root.all("exchange")
        #expect(exchanges.map { $0.attributes["seq"] } == ["1", "2", "3"])
        #expect(exchanges.map { $0.attributes["row"] } == ["1", "2", "3"])
        #expect(exchanges[0].first("request")?.attributes["method"] == "PUT")
        #expect(exchanges[0].first("request")?.first("path")?.contentString == "/v1/invoices/INV-00000003")
        #expect(exchanges[0].first("response")?.attributes["status"] == "200")
        #expect(exchanges[0].first("response")?.attributes["durationMs"] == "12.345")
        #expect(exchanges[1].first("response") == nil)
        #expect(exchanges[1].first("transportError")?.contentString == "connection reset")
        #expect(exchanges[2].first("response")?.attributes["status"] == "503")
        let summary = try #require(root.first("summary"))
        #expect(summary.attributes["exchanges"] == "3")
        #expect(summary.attributes["rows"] == "3")
        #expect(summary.all("counter").map { $0.attributes["name"] } == ["attempts", "retries"])
    }

    @Test func validatorRejectsAnUnclosedAndAnIncompleteLog() throws {
        let directory = try AuditLogFixtures.temporaryDirectory()
        let validator = AuditLogValidator(schemaPath: AuditLogFixtures.schemaPath)
        let unclosed = directory.appendingPathComponent("unclosed.xml").path
        let writer = try AuditLogWriter(path: unclosed, run: AuditLogFixtures.run())
        writer.record(AuditLogFixtures.exchange())
        try writer.flush()
        #expect(try !validator.problems(in: unclosed).isEmpty)

        let noSummary = directory.appendingPathComponent("no-summary.xml")
        try Data(
            """
            <?xml version="1.0"?>
            <auditLog formatVersion="1" runId="r" toolVersion="1" segment="1" runStartedAt="2026-11-21T10:15:00.000Z" \
            segmentStartedAt="2026-11-21T10:15:00.000Z" inputSha256="\(String(repeating: "0", count: 64))" \
            inputBytes="1"><target>x</target><input>y</input></auditLog>
            """.utf8
        ).write(to: noSummary)
        let problems = try validator.problems(in: noSummary.path)
        #expect(problems.contains { $0.contains("summary") })
    }

    @Test func gzipOutputDecompressesToTheSameXMLAsThePlainOutput() throws {
        let directory = try AuditLogFixtures.temporaryDirectory()
        let plain = directory.appendingPathComponent("audit.xml").path
        let gzip = directory.appendingPathComponent("audit.xml.gz").path
        for path in [plain, gzip] {
            let writer = try AuditLogWriter(path: path, run: AuditLogFixtures.run())
            for row in 1...500 { writer.record(AuditLogFixtures.exchange(row: row)) }
            try writer.close(summary: AuditLogFixtures.summary(rows: 500))
        }
        let plainBytes = try Data(contentsOf: URL(fileURLWithPath: plain))
        let gzipBytes = try Data(contentsOf: URL(fileURLWithPath: gzip))
        #expect(gzipBytes.prefix(2) == Data([0x1F, 0x8B]))
        #expect(gzipBytes.count * 5 < plainBytes.count)
        #expect(try AuditLogFixtures.xml(at: gzip) == plainBytes)
        #expect(try AuditLogValidator(schemaPath: AuditLogFixtures.schemaPath).problems(in: gzip) == [])
    }

    @Test func aFlushedGzipLogIsReadableUpToTheFlushBeforeItCloses() throws {
        let directory = try AuditLogFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("audit.xml.gz").path
        let writer = try AuditLogWriter(path: path, run: AuditLogFixtures.run())
        for row in 1...20 { writer.record(AuditLogFixtures.exchange(row: row)) }
        try writer.flush()
        // As a `kill -9` would leave it: no trailer, the document open.
        let partial = String(decoding: try AuditLogFixtures.xml(at: path), as: UTF8.self)
        #expect(partial.contains(#"seq="20""#))
        #expect(!partial.contains("</auditLog>"))
        try writer.close(summary: AuditLogFixtures.summary(rows: 20))
    }

    @Test func exchangesFromManyTasksAtOnceStayWhole() async throws {
        let directory = try AuditLogFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("audit.xml.gz").path
        let writer = try AuditLogWriter(path: path, run: AuditLogFixtures.run())
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<200 { writer.record(AuditLogFixtures.exchange(row: task * 1_000 + index + 1)) }
                }
            }
        }
        try writer.close(summary: AuditLogFixtures.summary(rows: 1_600))
        let root = try XMLNode.parse(AuditLogFixtures.xml(at: path))
        let exchanges = root.all("exchange")
        #expect(exchanges.count == 1_600)
        #expect(Set(exchanges.compactMap { $0.attributes["row"] }).count == 1_600)
        #expect(exchanges.compactMap { $0.attributes["seq"].flatMap(Int.init) } == Array(1...1_600))
    }

    @Test func neverOverwritesAnExistingFile() throws {
        let directory = try AuditLogFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("audit.xml").path
        try Data("evidence".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: AuditLogError.self) { try AuditLogWriter(path: path, run: AuditLogFixtures.run()) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "evidence")
    }

    @Test func writingAfterCloseDoesNothing() throws {
        let directory = try AuditLogFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("audit.xml").path
        let writer = try AuditLogWriter(path: path, run: AuditLogFixtures.run())
        try writer.close(summary: AuditLogFixtures.summary(rows: 0))
        writer.record(AuditLogFixtures.exchange())
        try writer.close(summary: AuditLogFixtures.summary(rows: 0))
        #expect(try AuditLogValidator(schemaPath: AuditLogFixtures.schemaPath).problems(in: path) == [])
    }
}
