import AuditLog
import Foundation
import Testing
import XMLTestSupport

/// Whatever a cell, a server or the network puts in an exchange, the log stays well-formed and schema-valid, and
/// every byte comes back.
@Suite struct AuditLogHostileContentTests {
    static let hostileBodies: [(String, [UInt8])] = [
        ("markup and a CDATA end", Array(#"{"comments":"<b>&amp;</b> ]]> <![CDATA[x]]> <!-- -->"}"#.utf8)),
        ("control characters", Array("{\"comments\":\"bell \u{7} escape \u{1B} nul ".utf8) + [0x00] + Array("\"}".utf8)),
        ("invalid UTF-8", Array(#"{"comments":"caf"#.utf8) + [0xE9, 0xFF, 0xC0, 0xAF] + Array(#""}"#.utf8)),
        ("a lone surrogate (CESU-8)", Array(#"{"comments":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8)),
        ("CR, CRLF and tabs", Array("line one\r\nline two\rline three\tend".utf8)),
        ("quotes and apostrophes", Array(#"{"a":"'single' \"double\""}"#.utf8)),
        ("U+FFFE", Array("x".utf8) + [0xEF, 0xBF, 0xBE]),
        ("emoji and non-Latin text", Array("請求書 😀 Ünïcödé".utf8)),
        ("1 MB comment", Array(#"{"comments":""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 1 << 20) + Array(#""}"#.utf8)),
        ("1 MB with one control character", Array(repeating: UInt8(ascii: "y"), count: 1 << 20) + [0x01]),
    ]

    /// Strings (headers, paths, error texts) hold valid Unicode, but any character of it.
    static let hostileStrings = [
        "<b>&amp;</b> ]]> \"'", "bell \u{7} escape \u{1B}[31m nul \u{0}", "CR\rLF\nTAB\t", "\u{FFFE} \u{FFFF}",
        "請求書 😀", String(repeating: "z", count: 100_000) + "\u{1}",
    ]

    @Test(arguments: ["audit.xml", "audit.xml.gz"])
    func everyHostileBodyHeaderPathAndErrorComesBackExactly(_ fileName: String) throws {
        let directory = try AuditLogFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent(fileName).path
        let writer = try AuditLogWriter(path: path, run: AuditLogFixtures.run())
        for (index, (_, body)) in Self.hostileBodies.enumerated() {
            writer.record(
                AuditLogFixtures.exchange(
                    row: index + 1, requestBody: body, responseBody: body,
                    path: "/v1/invoices/INV-1?x=" + Self.hostileStrings[index % Self.hostileStrings.count],
                    headers: [
                        .init(name: "X-Echo", value: Self.hostileStrings[index % Self.hostileStrings.count]),
                        .init(name: "Bad\u{1}Name", value: "v"),
                    ]
                )
            )
        }
        writer.record(
            AuditLogFixtures.exchange(
                row: 99, status: nil, transportError: "reset by peer \u{0}\u{1B}[31m <oops> ]]>"
            )
        )
        try writer.close(summary: AuditLogFixtures.summary(rows: Self.hostileBodies.count + 1))

        #expect(try AuditLogValidator(schemaPath: AuditLogFixtures.schemaPath).problems(in: path) == [])
        let root = try XMLNode.parse(AuditLogFixtures.xml(at: path))
        let exchanges = root.all("exchange")
        try #require(exchanges.count == Self.hostileBodies.count + 1)
        for (index, (name, body)) in Self.hostileBodies.enumerated() {
            let request = try #require(exchanges[index].first("request"))
            #expect(request.first("body")?.content == body, "request body: \(name)")
            #expect(request.first("body")?.attributes["bytes"] == String(body.count), "\(name)")
            #expect(exchanges[index].first("response")?.first("body")?.content == body, "response body: \(name)")
            let hostile = Self.hostileStrings[index % Self.hostileStrings.count]
            #expect(request.first("path")?.contentString == "/v1/invoices/INV-1?x=" + hostile, "path \(index)")
            let headers = request.all("header")
            #expect(headers.first?.contentString == hostile, "header \(index)")
            let badName = try #require(headers.last)
            #expect(badName.attributes["name"] == nil)
            #expect(Data(base64Encoded: badName.attributes["nameBase64"] ?? "") == Data("Bad\u{1}Name".utf8))
        }
        let error = try #require(exchanges.last?.first("transportError"))
        #expect(error.contentString == "reset by peer \u{0}\u{1B}[31m <oops> ]]>")
        #expect(error.attributes["encoding"] == "base64")
    }

    @Test func safeTextIsWrittenAsTextNotBase64() throws {
        let directory = try AuditLogFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("audit.xml").path
        let writer = try AuditLogWriter(path: path, run: AuditLogFixtures.run())
        writer.record(
            AuditLogFixtures.exchange(
                requestBody: Array(#"{"comments":"<b> ]]> & \"q\""}"#.utf8),
                responseBody: Array(#"{"comments":"<b> & \"q\""}"#.utf8),
                headers: [.init(name: "X-Note", value: #"<b> & "q""#)]
            )
        )
        try writer.close(summary: AuditLogFixtures.summary())
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // A body that holds `]]>` is escaped text (libxml2 escapes quotes too); one that does not is a CDATA section.
        #expect(text.contains(#"{&quot;comments&quot;:&quot;&lt;b&gt; ]]&gt; &amp; \&quot;q\&quot;&quot;}"#))
        #expect(text.contains(#"<![CDATA[{"comments":"<b> & \"q\""}]]>"#))
        #expect(text.contains(#"<header name="X-Note">&lt;b&gt; &amp; &quot;q&quot;</header>"#))
        #expect(!text.contains("base64"))
    }
}
