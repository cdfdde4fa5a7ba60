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

    /// The eight-bytes-at-a-time path: a byte that is not printable ASCII is found at every position of a word.
    @Test func findsEveryKindOfByteAtEveryPositionOfALongText() {
        let plain = Array("The quick brown fox jumps over the lazy dog, 0123456789 ~DEL\u{7F}".utf8)
        #expect(XMLSafeText.isSafe(plain))
        for position in 0..<plain.count {
            for (inserted, safe) in [([0x01], false), ([0x00], false), ([0x09], true), ([0x0D], true), ([0x1F], false),
                ([0xC3, 0xA9], true), ([0xFF], false), ([0xED, 0xA0, 0x80], false)] as [([UInt8], Bool)]
            {
                var bytes = plain
                bytes.insert(contentsOf: inserted, at: position)
                #expect(XMLSafeText.isSafe(bytes) == safe, "\(inserted) at \(position)")
            }
        }
    }

    @Test(arguments: [
        ("", false), ("]]", false), ("]]>", true), ("x]]>", true), ("xx]]>", true), ("]]]>", true), ("]]]]>", true),
        ("] ]>", false), ("]>]]", false), ("{\"a\":\"]]\"}>", false), (String(repeating: "]", count: 7) + ">", true),
        ("abc]]>def", true), ("abcdef]]", false),
    ])
    func findsTheEndOfACDATASection(_ text: String, _ found: Bool) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { AuditElements.containsCDATAEnd($0) } == found, "\(text)")
    }
}
