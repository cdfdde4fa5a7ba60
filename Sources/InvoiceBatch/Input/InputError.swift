#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A problem with the input as a whole — it cannot be opened, read, decompressed or recognised — that stops the run
/// before (or while) records are read. Problems with one record are `InputProblem`s instead, and the file goes on.
///
/// A struct with an open `Code` over a private enum (like NIO's `FileSystemError` and AHC's `HTTPClientError`) so
/// codes can grow without breaking callers; `message` says what went wrong and how to fix it, and is what
/// `LocalizedError` shows.
public struct InputError: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case fileNotFound
            case notReadable
            case readFailed
            case corruptGzip
            case emptyInput
            case unknownFormat
            case invalidDelimiter
            case malformedHeader
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The path does not exist.
        public static let fileNotFound = Code(.fileNotFound)
        /// The path exists but cannot be read (permissions, a directory, …).
        public static let notReadable = Code(.notReadable)
        /// Reading failed part way (an I/O error).
        public static let readFailed = Code(.readFailed)
        /// The input is named or looks like gzip but does not decompress (corrupt, truncated, not gzip at all).
        public static let corruptGzip = Code(.corruptGzip)
        /// No content: zero bytes, or a CSV file with no header line.
        public static let emptyInput = Code(.emptyInput)
        /// The format cannot be told from the file name (or standard input was given without `--format`).
        public static let unknownFormat = Code(.unknownFormat)
        /// The CSV delimiter given is not usable.
        public static let invalidDelimiter = Code(.invalidDelimiter)
        /// The CSV header record cannot be read (longer than the record limit: an unclosed quote).
        public static let malformedHeader = Code(.malformedHeader)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and how to fix it, naming the input.
    public var message: String
    /// The input path as given (`-` for standard input).
    public var path: String
    /// The underlying error, if any (e.g. the zlib error).
    public var cause: (any Error & Sendable)?

    public init(code: Code, message: String, path: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.cause = cause
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}
