import Foundation
import Testing

/// The files `reconcile` writes, read back for assertions.
struct ReconciliationFiles {
    let directory: URL

    init(_ directory: URL) { self.directory = directory }

    static let columns = ["row", "rowId", "action", "invoiceKey", "outcome", "runs", "verified", "detail"]

    var csv: CSVTable { get throws { try CSVTable(contentsOf: directory.appendingPathComponent("reconciliation.csv")) } }

    var json: [String: Any] {
        get throws {
            let data = try Data(contentsOf: directory.appendingPathComponent("reconciliation.json"))
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw SandboxProcessError("reconciliation.json is not an object")
            }
            return object
        }
    }

    var html: URL { directory.appendingPathComponent("reconciliation.html") }

    /// `reconciliation.json`'s `conflicts`.
    var conflicts: [[String: Any]] { get throws { try json["conflicts"] as? [[String: Any]] ?? [] } }

    /// Source row → its reconciliation line.
    func lines() throws -> [Int: [String: String]] {
        let table = try csv
        var lines: [Int: [String: String]] = [:]
        for index in table.rows.indices {
            var line: [String: String] = [:]
            for column in table.header { line[column] = table.cell(index, column) }
            lines[Int(table.cell(index, "row")) ?? -1] = line
        }
        return lines
    }
}

extension SandboxProcess {
    /// `PUT /sandbox/invoices/{key}`: changes an invoice behind the tool's back, as another user of the tenant would.
    func modify(_ key: String, _ json: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "-H", "Content-Type: application/json",
            "--data-binary", json, "--max-time", "20", baseURL + "/sandbox/invoices/" + key,
        ]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard status == "200" else { throw SandboxProcessError("PUT /sandbox/invoices/\(key) answered \(status)") }
    }
}
