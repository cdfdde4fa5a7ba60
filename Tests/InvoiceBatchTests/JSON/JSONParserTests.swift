import InvoiceAPI
import Testing

@Suite struct JSONParserTests {
    let parser = JSONParser()

    @Test func keepsMemberOrderAndNumberText() throws {
        let value = try parser.parse(#" {"z": -10.50, "a": 1e3, "m": [0, 1.25E-2, true, false, null], "b": {}} "#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m", "b"])
        #expect(object["z"] == .number("-10.50"))
        #expect(object["a"] == .number("1e3"))
        #expect(object["m"] == .array([.number("0"), .number("1.25E-2"), .bool(true), .bool(false), .null]))
        #expect(object["b"] == .object(JSONObject()))
        #expect(JSONWriter.string(value) == #"{"z":-10.50,"a":1e3,"m":[0,1.25E-2,true,false,null],"b":{}}"#)
    }

    @Test func decodesEscapes() throws {
        let value = try parser.parse(#""q\" b\\ s\/ \b\f\n\r\t \u00e9\u20AC""#)
        #expect(value == .string("q\" b\\ s/ \u{08}\u{0C}\n\r\t é€"))
    }

    @Test func decodesSurrogatePairsAndRawUTF8() throws {
        #expect(try parser.parse(#""\uD83D\uDE00""#) == .string("😀"))
        #expect(try parser.parse(#""Grüße 😀""#) == .string("Grüße 😀"))
    }

    @Test func parsesScalarsAtTopLevel() throws {
        #expect(try parser.parse("0") == .number("0"))
        #expect(try parser.parse("-0.0e+1") == .number("-0.0e+1"))
        #expect(try parser.parse("\"\"") == .string(""))
        #expect(try parser.parse([UInt8]("[]".utf8)) == .array([]))
    }

    @Test(arguments: [
        (#""\uD83D""#, "lone high surrogate"),
        (#""\uDE00x""#, "lone low surrogate"),
        (#""\uD83Dabc""#, "lone high surrogate"),
        (#""\uD83D\u0041""#, "not a low surrogate"),
        (#"{"a":1} x"#, "after the JSON value"),
        (#"{"a":1}{"#, "after the JSON value"),
        ("01", "leading zero"),
        ("-", "digit"),
        ("1.", "digit after the decimal point"),
        ("1e", "digit in the exponent"),
        (".5", "expected a JSON value"),
        ("+1", "expected a JSON value"),
        ("[1,]", "expected a JSON value"),
        (#"{"a" 1}"#, "':'"),
        (#"{a:1}"#, "member name"),
        ("tru", "'true'"),
        ("\"a\u{01}b\"", "control character"),
        (#""\x""#, "invalid escape"),
        (#""\u12g4""#, "four hex digits"),
        ("\"open", "never closed"),
        ("", "empty input"),
        ("   ", "expected a JSON value"),
        ("[1 2]", "',' or ']'"),
    ])
    func rejectsSyntaxErrors(text: String, fragment: String) {
        #expect {
            try parser.parse(text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.code == .syntax && error.message.contains(fragment)
        }
    }

    @Test func rejectsDuplicateKeysWithOffset() {
        let text = #"{"x": 1, "y": 2, "x": 3}"#
        #expect(
            throws: JSONParseError(
                code: .duplicateKey,
                offset: 17,
                message: "duplicate key 'x' in one object (each key may appear once)"
            )
        ) {
            try parser.parse(text)
        }
    }

    @Test func rejectsDuplicateKeysInLargeObjects() throws {
        let members = (0..<40).map { "\"k\($0)\": \($0)" }
        let good = "{" + members.joined(separator: ",") + "}"
        #expect(try parser.parse(good).objectValue?.count == 40)
        let bad = "{" + (members + ["\"k7\": 0"]).joined(separator: ",") + "}"
        #expect(throws: JSONParseError.self) { try parser.parse(bad) }
    }

    @Test func reportsInvalidUTF8Distinctly() {
        let bytes: [UInt8] = Array(#"{"a": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        do {
            _ = try parser.parse(bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidUTF8)
            #expect(error.offset == 10)
        }
        // A surrogate encoded directly in UTF-8 (CESU) is not valid UTF-8 either.
        #expect(throws: JSONParseError.self) { try parser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }
        // Outside a string.
        do {
            _ = try parser.parse([0x5B, 0xFF, 0x5D])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidUTF8)
            #expect(error.offset == 1)
        }
    }

    @Test func reportsByteOffsetOfSyntaxErrors() {
        do {
            _ = try parser.parse(#"{"a": [1, 2, }"#)
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 13)
            #expect(error.description.contains("at byte 13"))
        }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try parser.parse(deep) }
        #expect(throws: Never.self) { try JSONParser(maxDepth: 1000).parse(deep) }
    }
}
