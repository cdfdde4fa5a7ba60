/// Something that yields the bytes of an input in blocks: a file, standard input, a gzip stream over either.
///
/// Block reads into a caller-owned buffer (rather than returning arrays) so the readers keep one buffer for the
/// whole file and memory stays constant whatever the input size. A class protocol because a source owns a file
/// descriptor or a zlib stream whose state must not be copied.
public protocol ByteSource: AnyObject {
    /// A name for messages: the path, or "standard input".
    var displayName: String { get }

    /// Reads up to `buffer.count` bytes into `buffer` and returns how many were read; 0 only at the end of input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
}

extension ByteSource {
    /// Reads until `buffer` is full or the input ends; returns how many bytes were read (less than
    /// `buffer.count` only at the end of input). Readers fill whole blocks so that a record cut by a short read
    /// (a pipe delivers 64 KiB at a time) is rescanned once per block, not once per pipe read.
    public func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        var total = 0
        while total < buffer.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]))
            if count == 0 { break }
            total += count
        }
        return total
    }
}
