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
        var scanner = JSONScanner(
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
