/// Replays bytes already taken from a source, then continues with the source.
///
/// Sniffing (the gzip magic `1f 8b`, an empty input) has to look at the first bytes before choosing how to read
/// them, and standard input cannot seek back; this puts the bytes back in front.
public final class PrefixedByteSource: ByteSource {
    private var prefix: [UInt8]
    private var offset = 0
    private let base: any ByteSource

    public init(prefix: [UInt8], base: any ByteSource) {
        self.prefix = prefix
        self.base = base
    }

    public var displayName: String { base.displayName }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard offset < prefix.count else { return try base.read(into: buffer) }
        let count = min(buffer.count, prefix.count - offset)
        prefix.withUnsafeBytes { bytes in
            buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
        }
        offset += count
        if offset == prefix.count { prefix = [] }
        return count
    }
}
