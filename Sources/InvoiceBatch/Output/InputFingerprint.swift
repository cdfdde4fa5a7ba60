import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The size and SHA-256 of an input file, computed streaming: what the run directory records, so `--resume` can
/// refuse an input that changed since the run started (resuming a different file would skip the wrong rows).
///
/// SHA-256 from swift-crypto (`Crypto`, BoringSSL's assembly on Linux, CryptoKit on Apple platforms), read in
/// 1 MiB blocks in constant memory. It hashes the file's bytes as stored (compressed bytes of a `.gz`), which is
/// what identifies the file. Standard input cannot be hashed ahead of the run (nor resumed).
public struct InputFingerprint: Sendable, Hashable {
    /// Bytes in the file.
    public var size: Int
    /// Lowercase hex SHA-256 of the file's bytes.
    public var sha256: String

    public init(size: Int, sha256: String) {
        self.size = size
        self.sha256 = sha256
    }

    /// Reads the file at `path` once.
    /// - Throws: `OutputError` `.cannotRead`.
    public static func compute(path: String, blockSize: Int = 1 << 20) throws(OutputError) -> InputFingerprint {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(
                code: .cannotRead, message: "cannot read '\(path)' to fingerprint it: \(describe(errno: errno))",
                path: path
            )
        }
        defer { _ = closeDescriptor(descriptor) }
        var hasher = SHA256()
        var size = 0
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { block.deallocate() }
        while true {
            let count = read(descriptor, block.baseAddress!, blockSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError(
                    code: .cannotRead, message: "cannot read '\(path)' to fingerprint it: \(describe(errno: errno))",
                    path: path
                )
            }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: block[..<count]))
            size += count
        }
        return InputFingerprint(size: size, sha256: hex(hasher.finalize()))
    }

    /// The SHA-256 of bytes in memory, as lowercase hex.
    public static func sha256(of bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
