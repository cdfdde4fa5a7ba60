extension JSONScanner {
    /// Parses a string literal at `index` (which holds the opening quote).
    mutating func parseString() throws(JSONParseError) -> String {
        let open = index
        var cursor = open + 1
        var hasEscape = false
        var hasNonASCII = false
        // First pass: find the closing quote; reject raw control characters.
        while true {
            guard cursor < count else {
                index = cursor
                throw JSONParseError(code: .syntax, offset: open, message: "string is never closed (missing '\"')")
            }
            let byte = base[cursor]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                cursor += 2
                continue
            }
            if byte < 0x20 {
                throw JSONParseError(
                    code: .syntax,
                    offset: cursor,
                    message: "control character \(describe(byte)) inside a string must be escaped (e.g. \\n, \\t)"
                )
            }
            hasNonASCII = hasNonASCII || byte >= 0x80
            cursor += 1
        }
        let close = cursor
        index = close + 1
        let contentStart = open + 1
        if hasNonASCII, let bad = firstInvalidUTF8(from: contentStart, to: close) {
            throw invalidUTF8(at: bad)
        }
        if !hasEscape {
            return String(
                decoding: UnsafeBufferPointer(start: base + contentStart, count: close - contentStart),
                as: UTF8.self
            )
        }
        return try unescape(from: contentStart, to: close)
    }

    /// Decodes the escapes of a string whose raw bytes are already known to be valid UTF-8.
    mutating func unescape(from start: Int, to end: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var cursor = start
        while cursor < end {
            let byte = base[cursor]
            guard byte == UInt8(ascii: "\\") else {
                scratch.append(byte)
                cursor += 1
                continue
            }
            let escapeStart = cursor
            cursor += 1
            switch base[cursor] {
            case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: cursor + 1, end: end, escapeStart: escapeStart)
                cursor += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard cursor + 2 < end, base[cursor + 1] == UInt8(ascii: "\\"),
                        base[cursor + 2] == UInt8(ascii: "u")
                    else {
                        throw JSONParseError(
                            code: .syntax,
                            offset: escapeStart,
                            message: "lone high surrogate \\u\(hex(scalar)) "
                                + "(it must be followed by a \\uDC00–\\uDFFF escape)"
                        )
                    }
                    let low = try hex4(at: cursor + 3, end: end, escapeStart: cursor + 1)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw JSONParseError(
                            code: .syntax,
                            offset: escapeStart,
                            message:
                                "high surrogate \\u\(hex(scalar)) is followed by \\u\(hex(low)), not a low surrogate"
                        )
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    cursor += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw JSONParseError(
                        code: .syntax,
                        offset: escapeStart,
                        message: "lone low surrogate \\u\(hex(scalar)) (no high surrogate before it)"
                    )
                }
                appendUTF8(scalar)
            default:
                throw JSONParseError(
                    code: .syntax,
                    offset: escapeStart,
                    message: "invalid escape '\\\(describeRaw(base[cursor]))' "
                        + "(allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
                )
            }
            cursor += 1
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    func hex4(at position: Int, end: Int, escapeStart: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        guard position + 4 <= end else {
            throw JSONParseError(code: .syntax, offset: escapeStart, message: "\\u escape needs four hex digits")
        }
        for offset in 0..<4 {
            let byte = base[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw JSONParseError(code: .syntax, offset: escapeStart, message: "\\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The offset of the first byte in `[start, end)` that is not well-formed UTF-8, or nil.
    func firstInvalidUTF8(from start: Int, to end: Int) -> Int? {
        UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(start: base + start, count: end - start)).map {
            start + $0
        }
    }

    func invalidUTF8(at offset: Int) -> JSONParseError {
        JSONParseError(
            code: .invalidUTF8,
            offset: offset,
            message: "invalid UTF-8 (byte \(describeHex(base[offset]))); the text must be encoded as UTF-8"
        )
    }
}
