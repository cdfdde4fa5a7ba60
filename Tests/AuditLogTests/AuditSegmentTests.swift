import AuditLog
import Foundation
import Testing

@Suite struct AuditSegmentTests {
    @Test(arguments: [
        ("audit.xml.gz", 2, "audit.2.xml.gz"),
        ("/logs/run.XML.GZ", 3, "/logs/run.3.XML.GZ"),
        ("audit.xml", 2, "audit.2.xml"),
        ("audit.gz", 2, "audit.2.gz"),
        ("audit", 2, "audit.2"),
        ("dir.xml/audit", 2, "dir.xml/audit.2"),
        (".xml", 2, ".xml.2"),
        ("audit.xml.gz", 1, "audit.xml.gz"),
    ])
    func numbersSegmentsBeforeTheExtension(_ base: String, _ number: Int, _ expected: String) {
        #expect(AuditSegment.path(base: base, number: number) == expected)
    }

    @Test func nextIsTheFirstSegmentThatDoesNotExist() throws {
        let directory = try AuditLogFixtures.temporaryDirectory()
        let base = directory.appendingPathComponent("audit.xml.gz").path
        #expect(AuditSegment.next(base: base).number == 1)
        try Data().write(to: URL(fileURLWithPath: base))
        try Data().write(to: URL(fileURLWithPath: AuditSegment.path(base: base, number: 2)))
        let next = AuditSegment.next(base: base)
        #expect(next.number == 3)
        #expect(next.path == directory.appendingPathComponent("audit.3.xml.gz").path)
    }
}
