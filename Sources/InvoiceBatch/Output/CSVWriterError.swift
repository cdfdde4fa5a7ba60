#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why a CSV output file could not be written: a `code`, and a message saying what went wrong and how to fix it.
///
/// A struct with an open `Code` over a private enum, like `InputError`, so codes can grow.
public struct CSVWriterError: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case cannotCreate
            case writeFailed
            case closed
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The file cannot be created (missing directory, permissions, …).
        public static let cannotCreate = Code(.cannotCreate)
        /// A write failed (disk full, I/O error).
        public static let writeFailed = Code(.writeFailed)
        /// The writer was already closed.
        public static let closed = Code(.closed)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and how to fix it, naming the file.
    public var message: String
    /// The file path (empty for an in-memory or descriptor writer).
    public var path: String

    public init(code: Code, message: String, path: String) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}
