#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `write(2)` of a whole buffer, retried on short writes and `EINTR`: what every buffered writer of the run
/// directory (`OutputFile`, `CSVWriter`) does to flush.
enum DescriptorWrite {
    /// Writes `buffer` to `descriptor` and removes what was written from it.
    /// - Returns: the bytes written, and the `errno` that stopped the write (`nil` when all went).
    static func drain(_ buffer: inout [UInt8], to descriptor: Int32) -> (written: Int, failure: Int32?) {
        var written = 0
        let failure: Int32? = buffer.withUnsafeBytes { bytes in
            while written < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return nil
        }
        if written == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else {
            buffer.removeSubrange(..<written)
        }
        return (written, failure)
    }
}
