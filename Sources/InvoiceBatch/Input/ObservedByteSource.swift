/// Passes bytes through unchanged and shows each block to an observer on the way: one read of the input
/// serves the readers, the input's sha256 and the spool of standard input.
public final class ObservedByteSource: ByteSource {
    private let base: any ByteSource
    private let observe: (UnsafeRawBufferPointer) -> Void

    public init(base: any ByteSource, observe: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.base = base
        self.observe = observe
    }

    public var displayName: String { base.displayName }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = try base.read(into: buffer)
        if count > 0 { observe(UnsafeRawBufferPointer(rebasing: buffer[..<count])) }
        return count
    }
}
