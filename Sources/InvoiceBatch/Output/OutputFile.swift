#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered, append-only output file that knows its own size: the sink under the results, failures and journal
/// files.
///
/// Resuming a run cuts the results and failures files back to the sizes the journal recorded at its last checkpoint
/// and goes on appending, so every writer must say how many bytes its file holds (`byteCount`, buffered bytes
/// included) and be able to open an existing file for appending. Bytes are collected in a buffer and handed to the
/// kernel with `write(2)` when it fills, on `flush()` and on `close()`: once written they survive the process being
/// killed (not a power loss — nothing here calls `fsync`, which would cost a disk round trip per chunk for a risk
/// the journal already covers by re-sending at most the rows after its last line).
public final class OutputFile {
    /// How to open the file.
    public enum Mode: Sendable {
        /// Create it, or empty an existing one.
        case truncate
        /// Create it if missing, else keep its content and write after it.
        case append
    }

    /// The path as given.
    public let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferCapacity: Int
    private var flushedSize: Int
    private var isClosed = false

    /// Opens `path` for writing.
    /// - Parameters:
    ///   - bufferCapacity: bytes collected before a `write(2)`; 0 writes every `append` through at once.
    /// - Throws: `OutputError` `.cannotCreate`.
    public init(path: String, mode: Mode = .truncate, bufferCapacity: Int = 64 * 1024) throws(OutputError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (mode == .truncate ? O_TRUNC : O_APPEND)
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(
                code: .cannotCreate,
                message: "cannot open '\(path)' for writing: \(describe(errno: errno)); "
                    + "check that its directory exists and is writable",
                path: path
            )
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = describe(errno: errno)
            _ = closeDescriptor(descriptor)
            throw OutputError(code: .cannotCreate, message: "cannot inspect '\(path)': \(reason)", path: path)
        }
        self.path = path
        self.descriptor = descriptor
        self.bufferCapacity = bufferCapacity
        self.flushedSize = Int(status.st_size)
        buffer.reserveCapacity(bufferCapacity)
    }

    deinit {
        if !isClosed { try? close() }
    }

    /// The file's size once everything appended so far is flushed.
    public var byteCount: Int { flushedSize + buffer.count }

    /// Appends bytes; they reach the file when the buffer fills, or at `flush()`.
    public func append(_ bytes: some Collection<UInt8>) throws(OutputError) {
        try checkOpen()
        buffer.append(contentsOf: bytes)
        if buffer.count >= bufferCapacity { try flush() }
    }

    /// Appends what `encode` writes into the buffer (saves a copy for writers that encode in place).
    public func append(encodedBy encode: (inout [UInt8]) -> Void) throws(OutputError) {
        try checkOpen()
        encode(&buffer)
        if buffer.count >= bufferCapacity { try flush() }
    }

    /// Hands the buffered bytes to the kernel (`write(2)`).
    public func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        let (written, failure) = DescriptorWrite.drain(&buffer, to: descriptor)
        flushedSize += written
        if let failure {
            throw OutputError(
                code: .writeFailed,
                message: "cannot write '\(path)': \(describe(errno: failure)); check free disk space",
                path: path
            )
        }
    }

    /// Flushes and closes; further appends throw.
    public func close() throws(OutputError) {
        guard !isClosed else { return }
        defer {
            isClosed = true
            _ = closeDescriptor(descriptor)
        }
        try flush()
    }

    private func checkOpen() throws(OutputError) {
        guard isClosed else { return }
        throw OutputError(code: .closed, message: "internal error: '\(path)' was written after close()", path: path)
    }

    /// Cuts the file at `path` back to `size` bytes: what `--resume` does to the results and failures files, so the
    /// rows written after the journal's last checkpoint are written again, once.
    /// - Throws: `OutputError` `.cannotTruncate` when the file is missing or shorter than `size` (it was edited or
    ///   replaced since the checkpoint, so appending to it would not give the file the run would have written).
    public static func truncate(_ path: String, to size: Int) throws(OutputError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw OutputError(
                code: .cannotTruncate,
                message: "cannot resume: '\(path)' is missing (\(describe(errno: errno))); it must be kept while a "
                    + "run is resumable — start a new run with another --out",
                path: path
            )
        }
        guard Int(status.st_size) >= size else {
            throw OutputError(
                code: .cannotTruncate,
                message: "cannot resume: '\(path)' holds \(status.st_size) bytes but the journal's last checkpoint "
                    + "recorded \(size); the file was changed since — start a new run with another --out",
                path: path
            )
        }
        guard systemTruncate(path, size) == 0 else {
            throw OutputError(
                code: .cannotTruncate,
                message: "cannot cut '\(path)' back to \(size) bytes: \(describe(errno: errno))",
                path: path
            )
        }
    }
}

/// `strerror` as a Swift string.
func describe(errno code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}

/// `truncate(2)`, named apart from `OutputFile.truncate(_:to:)`.
private func systemTruncate(_ path: String, _ size: Int) -> Int32 {
    truncate(path, off_t(size))
}

/// `close(2)`, named apart from the `close()` methods.
func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
