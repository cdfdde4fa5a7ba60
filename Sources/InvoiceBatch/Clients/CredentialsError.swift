#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why the credentials could not be read: a file that cannot be read or has a bad line, or an incomplete set
/// (a client ID without its secret). The message names the variable or line and never holds a secret value.
public struct CredentialsError: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case fileNotReadable
            case malformedLine
            case incomplete
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The credentials file does not exist or cannot be read.
        public static let fileNotReadable = Code(.fileNotReadable)
        /// A line of the credentials file is not `KEY=VALUE`, a comment or blank.
        public static let malformedLine = Code(.malformedLine)
        /// Part of a set was given without the rest (a client ID without its secret, one AppZen header of three).
        public static let incomplete = Code(.incomplete)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// What is wrong and how to fix it.
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}
