import AuditLog
import Foundation
import InvoiceAPI
import Testing
import XMLTestSupport

@testable import InvoiceBatch

/// No secret value reaches the audit log, wherever the exchange carries it: credential headers, the token form
/// (percent-encoded), the token answer, a JSON-escaped echo, the path, a header a server echoed, an error text,
/// and a body that is not UTF-8 (which the log keeps in base64).
@Suite struct AuditTrailTests {
    // Secrets with characters that change under percent-encoding and JSON escaping.
    static let clientID = "5a4db0c1-0000-4000-8000-5a4db0c1e2f3"
    static let clientSecret = "s3cr3t/with+plus=and&amp\"quote"
    static let accessToken = "tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    static let apiKey = "appzen-key-0c7e1b7d"
    static let customerKey = "appzen-customer-key-5e6f"
    static let secrets = [clientID, clientSecret, accessToken, apiKey, customerKey]

    static func exchange(
        kind: HTTPExchange.Kind, path: String, headers: [(name: String, value: String)], body: [UInt8],
        responseHeaders: [(name: String, value: String)] = [], responseBody: [UInt8] = [], error: String? = nil
    ) -> HTTPExchange {
        HTTPExchange(
            kind: kind, row: kind == .token ? nil : 1, sourceRow: kind == .token ? nil : 1,
            action: kind == .token ? nil : .update, invoiceKey: kind == .token ? nil : "INV-00000001", attempt: 1,
            method: "POST", baseURL: "http://127.0.0.1:8080", pathAndQuery: path, requestHeaders: headers,
            requestBody: body, encodedRequestBody: nil, responseStatus: error == nil ? 200 : nil,
            responseHeaders: responseHeaders, responseBody: responseBody, transportError: error,
            startedAt: Date(timeIntervalSince1970: 1_795_000_000.123), duration: .milliseconds(12), secrets: secrets
        )
    }

    static var exchanges: [HTTPExchange] {
        let form = "client_id=\(APIPath.encodeSegment(clientID))&client_secret=\(APIPath.encodeSegment(clientSecret))"
            + "&grant_type=client_credentials"
        let escapedSecret = ExchangeRedaction.jsonEscaped(clientSecret)
        return [
            exchange(
                kind: .token, path: "/oauth/token",
                headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8),
                responseBody: Array(#"{"access_token" : "\#(accessToken)","token_type":"bearer","expires_in":3600}"#.utf8)
            ),
            exchange(
                kind: .rowRequest, path: "/v1/invoices/INV-00000001?echo=\(accessToken)",
                headers: [
                    ("Authorization", "Bearer \(accessToken)"), ("x-api-key", apiKey), ("customer-key", customerKey),
                    ("customer-id", "100439"), ("X-Debug", "client \(clientID)"),
                ],
                body: Array(#"{"comments":"pasted \#(escapedSecret) by mistake"}"#.utf8),
                responseHeaders: [("X-Echo-Authorization", "Bearer \(accessToken)"), ("Set-Cookie", "session=abc")],
                responseBody: [0xFF, 0xFE] + Array("binary echo \(apiKey) \(customerKey)".utf8)
            ),
            exchange(
                kind: .rowRequest, path: "/v1/invoices/INV-00000001", headers: [("Authorization", "Bearer \(accessToken)")],
                body: Array(#"{"refresh_token":"r-1","id_token":"i\"d"}"#.utf8),
                error: "connection to tenant with secret \(clientSecret) reset"
            ),
        ]
    }

    @Test(arguments: ["audit.xml", "audit.xml.gz"])
    func noSecretValueReachesTheFile(_ name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        let run = AuditRun(
            runID: "r", toolVersion: "t", segment: 1, runStartedAt: "2026-11-21T10:15:00.000Z",
            segmentStartedAt: "2026-11-21T10:15:00.000Z", target: "test", zuoraURL: nil, appZenURL: nil,
            inputName: "x.csv", inputBytes: 1, inputSHA256: String(repeating: "0", count: 64)
        )
        let trail = try AuditTrail(path: path, run: run)
        for exchange in Self.exchanges { trail.observe(exchange) }
        try trail.writer.close(summary: AuditSummary(endedAt: "2026-11-21T10:15:01.000Z", exitCode: 0, rows: 2))

        let xml = try LogFile.data(at: path)
        let root = try XMLNode.parse(xml)
        var searchable = xml
        for node in root.descendants("body") + root.descendants("header") + root.descendants("transportError") {
            searchable.append(contentsOf: node.content)  // decoded text and base64 both
        }
        for secret in Self.secrets + ["r-1", #"i\"d"#, "session=abc"] {
            for form in Set([secret, APIPath.encodeSegment(secret), ExchangeRedaction.jsonEscaped(secret)]) {
                #expect(searchable.range(of: Data(form.utf8)) == nil, "\(form) reached \(name)")
            }
        }
        // A bearer value echoed under another header name loses its token too.
        let text = String(decoding: searchable, as: UTF8.self)
        #expect(text.components(separatedBy: "Bearer ").dropFirst().allSatisfy { $0.hasPrefix("[REDACTED]") })

        // What is left is still useful: the marker where each secret was, everything else as it was.
        let exchanges = root.all("exchange")
        let token = try #require(exchanges.first)
        #expect(
            token.first("request")?.first("body")?.contentString
                == "client_id=[REDACTED]&client_secret=[REDACTED]&grant_type=client_credentials")
        #expect(token.first("response")?.first("body")?.contentString.contains(#""access_token" : "[REDACTED]""#) == true)
        let headers = exchanges[1].first("request")?.all("header") ?? []
        #expect(headers.map(\.contentString) == ["[REDACTED]", "[REDACTED]", "[REDACTED]", "100439", "client [REDACTED]"])
        #expect(headers.map { $0.attributes["redacted"] } == ["true", "true", "true", nil, "true"])
        #expect(exchanges[1].first("request")?.first("path")?.contentString == "/v1/invoices/INV-00000001?echo=[REDACTED]")
        let binary = try #require(exchanges[1].first("response")?.first("body"))
        #expect(binary.attributes["encoding"] == "base64")
        #expect(binary.content == [0xFF, 0xFE] + Array("binary echo [REDACTED] [REDACTED]".utf8))
        #expect(
            exchanges[2].first("transportError")?.contentString == "connection to tenant with secret [REDACTED] reset")
    }
}
