/// Bytes already in memory, read like a file: for tests, and for inputs built by the program itself.
///
/// `maxReadSize` makes reads short on purpose, the way a pipe delivers its data, so tests can cut records at
/// awkward places.
public final class MemoryByteSource: ByteSource {
    public let displayName: String
    private let bytes: [UInt8]
    private let maxReadSize: Int
    private var offset = 0

    public init(bytes: [UInt8], displayName: String = "input", maxReadSize: Int = .max) {
        self.bytes = bytes
        self.displayName = displayName
        self.maxReadSize = max(maxReadSize, 1)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(buffer.count, maxReadSize, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
