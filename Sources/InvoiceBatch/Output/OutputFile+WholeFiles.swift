#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension OutputFile {
    /// Replaces the file at `path` with `bytes` atomically (a temporary file beside it, then `rename(2)`), so a crash
    /// leaves the old file or the new one, never half of one: for `summary.json` and `run.json`.
    /// - Throws: `OutputError` `.cannotCreate`, `.writeFailed`.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let temporary = "\(path).tmp-\(getpid())"
        let file = try OutputFile(path: temporary, mode: .truncate, bufferCapacity: 0)
        do {
            try file.append(bytes)
            try file.close()
        } catch {
            _ = unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = describe(errno: errno)
            _ = unlink(temporary)
            throw OutputError(code: .writeFailed, message: "cannot write '\(path)': \(reason)", path: path)
        }
    }

    /// The whole content of a small file of the run directory (`run.json`), at most `limit` bytes.
    /// - Throws: `OutputError` `.cannotRead`, or `.corruptFile` when it is larger than `limit`.
    static func readWhole(_ path: String, limit: Int = 16 << 20) throws(OutputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(
                code: .cannotRead, message: "cannot read '\(path)': \(describe(errno: errno))", path: path)
        }
        defer { _ = closeDescriptor(descriptor) }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError(
                    code: .cannotRead, message: "cannot read '\(path)': \(describe(errno: errno))", path: path
                )
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: block[..<count])
            guard bytes.count <= limit else {
                throw OutputError(
                    code: .corruptFile, message: "'\(path)' is larger than \(limit) bytes; it is not this tool's",
                    path: path
                )
            }
        }
    }
}
