import AuditLog
import Foundation
import Testing
import XMLTestSupport

/// An audit log a run wrote, read back: schema-checked by libxml2 and by `xmllint`, parsed by Foundation.
struct AuditFile {
    let path: String
    /// The XML, decompressed.
    let xml: Data
    let root: XMLNode

    static let schemaPath = Binary.repositoryRoot.appendingPathComponent("schemas/audit-log.xsd").path

    init(_ path: String) throws {
        self.path = path
        xml = try LogFile.data(at: path)
        root = try XMLNode.parse(xml)
    }

    var exchanges: [XMLNode] { root.all("exchange") }
    var summary: XMLNode? { root.first("summary") }

    /// The problems libxml2's schema validator finds (empty when valid).
    func schemaProblems() throws -> [String] {
        try AuditLogValidator(schemaPath: Self.schemaPath).problems(in: path)
    }

    /// `xmllint --noout --schema schemas/audit-log.xsd FILE` (Debian's libxml2-utils, installed by `.ci/run`).
    func xmllint() throws -> CommandResult {
        try Shell.run("xmllint", ["--noout", "--schema", Self.schemaPath, path])
    }

    /// The XML and every base64 body decoded, so a secret cannot hide in an encoded body.
    var searchableText: Data {
        var data = xml
        for node in root.descendants("body") + root.descendants("header") where node.attributes["encoding"] == "base64" {
            data.append(contentsOf: node.content)
        }
        return data
    }
}

/// A system tool, by name on the PATH.
enum Shell {
    static func run(_ tool: String, _ arguments: [String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        return try Binary.capture(process)
    }
}
