import AuditLog
import Foundation
import XMLTestSupport

/// Runs, exchanges and files for the audit log tests.
enum AuditLogFixtures {
    static let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("schemas/audit-log.xsd").path

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("auditlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func run(segment: Int = 1) -> AuditRun {
        AuditRun(
            runID: "20261121T101500Z-4f3a", toolVersion: "0.5.0", segment: segment,
            runStartedAt: "2026-11-21T10:15:00.000Z", segmentStartedAt: "2026-11-21T10:15:00.250Z",
            target: "embedded sandbox", zuoraURL: "http://127.0.0.1:8080", appZenURL: "http://127.0.0.1:8080",
            inputName: "monthly-corrections.csv", inputBytes: 5_120,
            inputSHA256: String(repeating: "ab", count: 32)
        )
    }

    static func exchange(
        row: Int = 3, requestBody: [UInt8] = Array(#"{"dueDate":"2026-12-01"}"#.utf8),
        responseBody: [UInt8] = Array(#"{"success":true}"#.utf8), status: Int? = 200,
        transportError: String? = nil, path: String = "/v1/invoices/INV-00000003",
        headers: [AuditExchange.Header] = [.init(name: "Content-Type", value: "application/json")]
    ) -> AuditExchange {
        AuditExchange(
            kind: "row-request", row: row, sourceRow: row, action: "update", invoiceKey: "INV-00000003", attempt: 1,
            startedAt: "2026-11-21T10:15:01.123Z", method: "PUT", baseURL: "http://127.0.0.1:8080",
            pathAndQuery: path, requestHeaders: headers, requestBody: requestBody, responseStatus: status,
            responseHeaders: status == nil ? [] : [.init(name: "Zuora-Request-Id", value: "req-1")],
            responseBody: status == nil ? [] : responseBody, transportError: transportError,
            duration: .microseconds(12_345)
        )
    }

    static func summary(rows: Int = 1) -> AuditSummary {
        AuditSummary(
            endedAt: "2026-11-21T10:15:09.000Z", exitCode: 0, rows: rows, outcomes: [("succeeded", rows)],
            actions: [("update", rows)], errorCodes: [], counters: [("attempts", rows), ("retries", 0)]
        )
    }

    /// The file's XML (gunzipped when it ends in `.gz`).
    static func xml(at path: String) throws -> Data {
        try LogFile.data(at: path)
    }
}
