import Testing

@testable import AuditLog

@Suite struct XMLSafeTextTests {
    @Test(arguments: [
        ("plain ASCII", Array("due 2026-12-01 <b>&amp;</b> ]]>".utf8), true),
        ("tab, LF and CR", [0x09, 0x0A, 0x0D], true),
        ("two, three and four byte UTF-8", Array("é€😀".utf8), true),
        ("U+FFFD", [0xEF, 0xBF, 0xBD], true),
        ("NUL", [0x41, 0x00], false),
        ("other C0 controls", [0x01], false),
        ("escape", [0x1B, 0x5B], false),
        ("lone continuation byte", [0x80], false),
        ("truncated sequence", [0xE2, 0x82], false),
        ("overlong slash", [0xC0, 0xAF], false),
        ("overlong three-byte", [0xE0, 0x80, 0xAF], false),
        ("lone high surrogate (CESU)", [0xED, 0xA0, 0x80], false),
        ("lone low surrogate", [0xED, 0xB0, 0x80], false),
        ("U+FFFE", [0xEF, 0xBF, 0xBE], false),
        ("U+FFFF", [0xEF, 0xBF, 0xBF], false),
        ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80], false),
        ("F5 lead", [0xF5, 0x80, 0x80, 0x80], false),
    ] as [(String, [UInt8], Bool)])
    func classifies(_ name: String, _ bytes: [UInt8], _ safe: Bool) {
        #expect(XMLSafeText.isSafe(bytes) == safe, "\(name)")
    }
}
