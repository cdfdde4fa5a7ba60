#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why a file of the run directory could not be written, read back or trusted: a `code`, and a message saying what
/// went wrong and how to fix it.
///
/// One error type for the whole Output stage (results, failures, journal, summary, manifest), a struct with an open
/// `Code` over a private enum like `InputError`, so codes can grow without breaking callers' `switch`es.
public struct OutputError: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case cannotCreate
            case writeFailed
            case closed
            case cannotRead
            case corruptFile
            case cannotTruncate
            case secretWouldLeak
            case inputChanged
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A file cannot be created or opened (missing directory, permissions, …).
        public static let cannotCreate = Code(.cannotCreate)
        /// A write failed (disk full, I/O error).
        public static let writeFailed = Code(.writeFailed)
        /// The writer was already closed.
        public static let closed = Code(.closed)
        /// A file of the run directory cannot be read (for `--resume`).
        public static let cannotRead = Code(.cannotRead)
        /// A file of the run directory does not hold what this tool writes (edited by hand, or another tool's).
        public static let corruptFile = Code(.corruptFile)
        /// A results or failures file cannot be cut back to its last checkpoint, or is shorter than it.
        public static let cannotTruncate = Code(.cannotTruncate)
        /// A credential would have been written to a file; nothing was written.
        public static let secretWouldLeak = Code(.secretWouldLeak)
        /// `--resume` was given a different input than the run started with.
        public static let inputChanged = Code(.inputChanged)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and how to fix it, naming the file.
    public var message: String
    /// The file concerned (empty when there is none).
    public var path: String

    public init(code: Code, message: String, path: String) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}
