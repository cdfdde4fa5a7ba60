/// Why a JSON text could not be parsed, and where: a byte offset and a message a person can act on.
///
/// A struct with an open `Code` (rather than an enum) so that codes can be added without breaking callers,
/// like NIO's `FileSystemError`; the JSONL reader maps `invalidUTF8` to its own `utf8` rule and the rest to
/// `json-syntax`.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case syntax
            case invalidUTF8
            case duplicateKey
            case nestingTooDeep
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// Not JSON: an unexpected character, a bad number, a bad escape, a lone surrogate, text after the value.
        public static let syntax = Code(.syntax)
        /// The bytes are not valid UTF-8 (RFC 8259 §8.1 requires it).
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// An object names the same key twice; RFC 8259 leaves the meaning open, so we refuse to guess.
        public static let duplicateKey = Code(.duplicateKey)
        /// Arrays and objects nested deeper than the parser's `maxDepth`.
        public static let nestingTooDeep = Code(.nestingTooDeep)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// Byte offset (0-based) in the parsed text where the problem was found.
    public var offset: Int
    /// What is wrong, without the offset (callers place it: a column in a line, a byte in a file).
    public var message: String

    public init(code: Code, offset: Int, message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(message) (at byte \(offset))" }
}
