/// Parses JSON text (RFC 8259) from UTF-8 bytes into a `JSONValue`, strictly.
///
/// Hand-written because Foundation's `JSONSerialization` loses the order of object members and turns every number
/// into a `Double`: an invoice amount must stay exactly as written (`-10.50`, never `-10.5`), and a request body built
/// from a JSONL line must keep its member order to be reproducible. Where lenient parsers guess, this one refuses,
/// with a byte offset and a message: a duplicate key (which of the two did the ERP mean?), a lone surrogate escape,
/// a number like `01` or `1.`, a control character inside a string, invalid UTF-8 (its own error code), and anything
/// but whitespace after the value.
public struct JSONParser: Sendable {
    /// How deeply arrays and objects may nest; a guard against stack exhaustion on hostile input.
    public var maxDepth: Int

    public init(maxDepth: Int = 512) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON text (any value, surrounded by optional whitespace) from UTF-8 bytes.
    /// - Throws: `JSONParseError` with the byte offset of the problem.
    public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw JSONParseError(code: .syntax, offset: 0, message: "empty input: expected a JSON value")
        }
        var scanner = Scanner(
            base: base.assumingMemoryBound(to: UInt8.self),
            count: bytes.count,
            maxDepth: maxDepth
        )
        return try scanner.parseDocument()
    }

    /// Parses one JSON text from UTF-8 bytes.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses one JSON text.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONParseError> = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(UnsafeRawBufferPointer(buffer)) }
        }
        return try result.get()
    }
}

// MARK: - The scanner

/// A cursor over the bytes of one parse. Kept as a value with a raw pointer so the hot loops compile to plain
/// loads and compares.
private struct Scanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    let maxDepth: Int
    var index = 0
    var depth = 0
    /// Reused for strings that contain escapes.
    var scratch: [UInt8] = []

    init(base: UnsafePointer<UInt8>, count: Int, maxDepth: Int) {
        self.base = base
        self.count = count
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index < count {
            throw unexpected("end of input after the JSON value (only one value is allowed)")
        }
        return value
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < count else { throw unexpected("a JSON value") }
        switch base[index] {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        default:
            throw unexpected("a JSON value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = index
        let length = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        var matched = 0
        while matched < length, start + matched < count, base[start + matched] == text[matched] {
            matched += 1
        }
        guard matched == length else {
            index = start + matched
            throw unexpected("'\(literal)'", at: start)
        }
        index = start + length
    }

    mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > maxDepth {
            throw JSONParseError(
                code: .nestingTooDeep,
                offset: index,
                message: "arrays and objects nest more than \(maxDepth) deep"
            )
        }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONObject {
        try enterContainer()
        index += 1  // {
        var members: [JSONObject.Member] = []
        var seen: Set<String>? = nil
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return JSONObject()
        }
        while true {
            guard index < count, base[index] == UInt8(ascii: "\"") else {
                throw unexpected("a member name in double quotes")
            }
            let keyOffset = index
            let key = try parseString()
            if isDuplicate(key, in: members, seen: &seen) {
                throw JSONParseError(
                    code: .duplicateKey,
                    offset: keyOffset,
                    message: "duplicate key '\(key)' in one object (each key may appear once)"
                )
            }
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: ":") else {
                throw unexpected("':' after the member name '\(key)'")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONObject.Member(key: key, value: value))
            skipWhitespace()
            guard index < count else { throw unexpected("',' or '}' after the value of '\(key)'") }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if base[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return JSONObject(uncheckedUniqueMembers: members)
            } else {
                throw unexpected("',' or '}' after the value of '\(key)'")
            }
        }
    }

    /// Linear search for the small objects that are the norm; a set once an object grows.
    func isDuplicate(_ key: String, in members: [JSONObject.Member], seen: inout Set<String>?) -> Bool {
        if members.count < 16 {
            for member in members where member.key == key { return true }
            return false
        }
        if seen == nil { seen = Set(members.map(\.key)) }
        return !seen!.insert(key).inserted
    }

    mutating func parseArray() throws(JSONParseError) -> [JSONValue] {
        try enterContainer()
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return elements
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard index < count else { throw unexpected("',' or ']' in an array") }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if base[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return elements
            } else {
                throw unexpected("',' or ']' in an array")
            }
        }
    }

    /// Validates the number grammar of RFC 8259 §6 and returns the literal text unchanged.
    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = index
        if base[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count, isDigit(base[index]) else { throw unexpected("a digit in the number") }
        if base[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, isDigit(base[index]) {
                throw JSONParseError(
                    code: .syntax,
                    offset: start,
                    message: "a number may not start with a leading zero (write it as a string if it is a code)"
                )
            }
        } else {
            while index < count, isDigit(base[index]) { index += 1 }
        }
        if index < count, base[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, isDigit(base[index]) else { throw unexpected("a digit after the decimal point") }
            while index < count, isDigit(base[index]) { index += 1 }
        }
        if index < count, base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index += 1 }
            guard index < count, isDigit(base[index]) else { throw unexpected("a digit in the exponent") }
            while index < count, isDigit(base[index]) { index += 1 }
        }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

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
            return String(decoding: UnsafeBufferPointer(start: base + contentStart, count: close - contentStart), as: UTF8.self)
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
                    guard cursor + 2 < end, base[cursor + 1] == UInt8(ascii: "\\"), base[cursor + 2] == UInt8(ascii: "u")
                    else {
                        throw JSONParseError(
                            code: .syntax,
                            offset: escapeStart,
                            message: "lone high surrogate \\u\(hex(scalar)) (it must be followed by a \\uDC00–\\uDFFF escape)"
                        )
                    }
                    let low = try hex4(at: cursor + 3, end: end, escapeStart: cursor + 1)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw JSONParseError(
                            code: .syntax,
                            offset: escapeStart,
                            message: "high surrogate \\u\(hex(scalar)) is followed by \\u\(hex(low)), not a low surrogate"
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
                    message: "invalid escape '\\\(describeRaw(base[cursor]))' (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
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
        UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(start: base + start, count: end - start)).map { start + $0 }
    }

    func invalidUTF8(at offset: Int) -> JSONParseError {
        JSONParseError(
            code: .invalidUTF8,
            offset: offset,
            message: "invalid UTF-8 (byte \(describeHex(base[offset]))); the text must be encoded as UTF-8"
        )
    }

    /// An error for the byte at `index` (or the end of input), saying what was expected instead.
    func unexpected(_ expected: String, at offset: Int? = nil) -> JSONParseError {
        guard index < count else {
            return JSONParseError(code: .syntax, offset: index, message: "unexpected end of input, expected \(expected)")
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
        return "'" + String(decoding: UnsafeBufferPointer(start: base + offset, count: end - offset), as: UTF8.self) + "'"
    }
}
