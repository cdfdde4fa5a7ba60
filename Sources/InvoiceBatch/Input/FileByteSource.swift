#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file, or standard input for `-`, straight from its file descriptor with `read(2)`.
///
/// POSIX rather than `FileHandle` so that a read is one system call into the reader's own buffer (no `Data` per
/// block) and so that errors keep their `errno` for a precise message.
public final class FileByteSource: ByteSource {
    /// The path as given; `-` for standard input.
    public let path: String
    public let displayName: String
    /// The file's size in bytes when it is a regular file (for progress); nil for pipes and terminals.
    public let size: Int?
    /// Bytes read from the descriptor so far.
    public private(set) var bytesRead = 0

    private let descriptor: Int32
    private let closesDescriptor: Bool

    /// Opens `path` for reading, or standard input when `path` is `-`.
    /// - Throws: `InputError` `.fileNotFound` or `.notReadable`, with the reason.
    public init(path: String) throws(InputError) {
        self.path = path
        if path == "-" {
            self.descriptor = 0
            self.closesDescriptor = false
            self.displayName = "standard input"
        } else {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Self.openError(path: path, errno: errno) }
            self.descriptor = descriptor
            self.closesDescriptor = true
            self.displayName = path
        }
        var status = stat()
        if fstat(descriptor, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR {
                if closesDescriptor { close(descriptor) }
                throw InputError(
                    code: .notReadable,
                    message: "'\(path)' is a directory, not a file; give the path of a CSV or JSONL file",
                    path: path
                )
            }
            self.size = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
        } else {
            self.size = nil
        }
    }

    deinit {
        if closesDescriptor { close(descriptor) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard let address = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Darwin)
                let count = Darwin.read(descriptor, address, buffer.count)
            #elseif canImport(Musl)
                let count = Musl.read(descriptor, address, buffer.count)
            #else
                let count = Glibc.read(descriptor, address, buffer.count)
            #endif
            if count >= 0 {
                bytesRead += count
                return count
            }
            let code = errno
            if code == EINTR { continue }
            throw InputError(
                code: code == EISDIR ? .notReadable : .readFailed,
                message: "cannot read \(quotedName): \(Self.describe(errno: code)); check the file and try again",
                path: path
            )
        }
    }

    private var quotedName: String { path == "-" ? "standard input" : "'\(path)'" }

    private static func openError(path: String, errno code: Int32) -> InputError {
        switch code {
        case ENOENT, ENOTDIR:
            InputError(
                code: .fileNotFound,
                message: "input file '\(path)' does not exist; check the path (use '-' to read standard input)",
                path: path
            )
        case EACCES, EPERM:
            InputError(
                code: .notReadable,
                message: "input file '\(path)' is not readable: permission denied; check its permissions",
                path: path
            )
        default:
            InputError(
                code: .notReadable,
                message: "cannot open input file '\(path)': \(describe(errno: code))",
                path: path
            )
        }
    }

    static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
