/// A cursor over the bytes of one `JSONParser.parse` call: values, containers and numbers.
///
/// A value type over a raw pointer so the hot loops compile to plain loads and compares; strings are in
/// `JSONScanner+Strings.swift`, error messages in `JSONScanner+Diagnostics.swift`.
struct JSONScanner {
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
}
