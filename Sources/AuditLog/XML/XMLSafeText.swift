/// Whether bytes can go into an XML 1.0 document as text and come back unchanged.
///
/// XML 1.0 carries only well-formed UTF-8 of the `Char` production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and
/// U+10000–U+10FFFF. Anything else — a control character from a spreadsheet cell, a byte that is not UTF-8, a lone
/// surrogate encoded as three bytes, U+FFFE — makes the file unreadable, so such content is written in base64
/// instead. Checked by hand because it runs over every body of the audit log, and the standard library offers
/// UTF-8 validation (repairing, not reporting) but not the XML `Char` ranges.
enum XMLSafeText {
    /// `true` when every byte sequence is UTF-8 of an XML 1.0 `Char`.
    static func isSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        // Printable ASCII, eight bytes at a time: most of every body and header.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // A byte is outside 0x20…0x7F when its top bit is set or adding 0x60 does not carry into bit 7.
                let high = word & 0x8080_8080_8080_8080
                let control = ~(word &+ 0x6060_6060_6060_6060) & 0x8080_8080_8080_8080 & ~high
                guard high | control == 0 else { break }
                index += 8
            }
        }
        while index < count {
            let lead = bytes[index]
            if lead >= 0x20, lead < 0x80 {
                index += 1
                continue
            }
            switch lead {
            case 0x09, 0x0A, 0x0D:
                index += 1
            case 0xC2...0xDF:
                guard index + 1 < count, isContinuation(bytes[index + 1]) else { return false }
                index += 2
            case 0xE0...0xEF:
                guard index + 2 < count, isContinuation(bytes[index + 1]), isContinuation(bytes[index + 2]) else {
                    return false
                }
                let scalar =
                    (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                // Overlong forms, surrogates (D800–DFFF) and the non-characters FFFE/FFFF are not XML text.
                guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar), scalar <= 0xFFFD else { return false }
                index += 3
            case 0xF0...0xF4:
                guard index + 3 < count, isContinuation(bytes[index + 1]), isContinuation(bytes[index + 2]),
                    isContinuation(bytes[index + 3])
                else { return false }
                let scalar =
                    (UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                    | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
                guard scalar >= 0x10000, scalar <= 0x10FFFF else { return false }
                index += 4
            default:
                // C0 controls other than tab/LF/CR, continuation bytes without a lead, C0/C1 overlong leads, F5–FF.
                return false
            }
        }
        return true
    }

    static func isSafe(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isSafe($0) }
    }

    static func isSafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isSafe($0) }
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
