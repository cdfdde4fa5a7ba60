extension JSONScanner {
    /// An error for the byte at `index` (or the end of input), saying what was expected instead.
    func unexpected(_ expected: String, at offset: Int? = nil) -> JSONParseError {
        guard index < count else {
            return JSONParseError(
                code: .syntax,
                offset: index,
                message: "unexpected end of input, expected \(expected)"
            )
        }
        let byte = base[index]
        if byte >= 0x80 {
            if firstInvalidUTF8(from: index, to: count) == index {
                return invalidUTF8(at: index)
            }
            return JSONParseError(
                code: .syntax,
                offset: offset ?? index,
                message: "unexpected character \(describeScalar(at: index)), expected \(expected)"
            )
        }
        return JSONParseError(
            code: .syntax,
            offset: offset ?? index,
            message: "unexpected \(describe(byte)), expected \(expected)"
        )
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte \(describeHex(byte))"
    }

    func describeRaw(_ byte: UInt8) -> String {
        if byte >= 0x21, byte < 0x7F { return String(Character(Unicode.Scalar(byte))) }
        return describeHex(byte)
    }

    func describeHex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }

    /// The (valid) multi-byte character at `offset`, quoted.
    func describeScalar(at offset: Int) -> String {
        var end = offset + 1
        while end < count, end < offset + 4, base[end] & 0xC0 == 0x80 { end += 1 }
        return "'" + String(decoding: UnsafeBufferPointer(start: base + offset, count: end - offset), as: UTF8.self)
            + "'"
    }
}
