import CompressNIO
import NIOCore

/// Decompresses a gzip stream (RFC 1952) block by block as it is read, in constant memory.
///
/// ERP exports arrive gzipped, often on standard input, and can be larger than memory: the compressed bytes go
/// through one fixed input buffer and one fixed output buffer, never the whole file. Built on CompressNIO's
/// `ZlibDecompressor` (zlib underneath), which the HTTP side needs anyway. Concatenated gzip members
/// (`cat a.gz b.gz`) are read as one stream, as `gzip -d` does. A corrupt or truncated stream, or data after the
/// last member, is an `InputError` `.corruptGzip` rather than a silently shortened input.
public final class GzipByteSource: ByteSource {
    public var displayName: String { base.displayName }

    private let base: any ByteSource
    private let path: String
    private let decompressor: ZlibDecompressor
    private var input: ByteBuffer
    private var output: ByteBuffer
    private let blockSize: Int
    private var inputEnded = false
    private var finished = false
    private var compressedBytes = 0

    /// - Parameters:
    ///   - base: The compressed bytes.
    ///   - path: The input path as given, for errors.
    ///   - blockSize: Size of the compressed and the decompressed buffer.
    public init(base: any ByteSource, path: String, blockSize: Int = 256 * 1024) throws(InputError) {
        self.base = base
        self.path = path
        self.blockSize = max(blockSize, 64)
        let allocator = ByteBufferAllocator()
        self.input = allocator.buffer(capacity: self.blockSize)
        self.output = allocator.buffer(capacity: self.blockSize)
        do {
            self.decompressor = try ZlibDecompressor(algorithm: .gzip)
        } catch {
            throw InputError(
                code: .corruptGzip,
                message: "cannot start gzip decompression of \(base.displayName): \(error)",
                path: path,
                cause: error
            )
        }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            if output.readableBytes > 0 {
                let count = min(buffer.count, output.readableBytes)
                output.withUnsafeReadableBytes { bytes in
                    buffer.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: count)
                }
                output.moveReaderIndex(forwardBy: count)
                return count
            }
            if finished { return 0 }
            try inflateStep()
        }
    }

    /// Runs zlib once: fills `output` with some bytes, or learns that more input is needed or that the stream ended.
    ///
    /// CompressNIO reports "stream end" and "consumed all input" alike (no error), so the end is told apart by what
    /// zlib does next: once a member has ended, zlib consumes nothing more, so input left over after a call means
    /// the member ended; and at the end of the file a call with no input either ends cleanly or asks for more
    /// (`inputBufferOverflow`), which means the file was cut short.
    private func inflateStep() throws(InputError) {
        output.clear()
        if input.readableBytes == 0, !inputEnded {
            try fillInput()
            if inputEnded, compressedBytes == 0 {
                // A zero-byte file: let the caller report an empty input rather than a corrupt one.
                finished = true
                return
            }
        }
        do {
            try decompressor.inflate(from: &input, to: &output)
            if input.readableBytes > 0 {
                try startNextMember()
            } else if inputEnded, output.readableBytes == 0 {
                finished = true
            }
        } catch let error as CompressNIOError where error == .bufferOverflow {
            // The output block is full; it is handed out before zlib runs again.
        } catch let error as CompressNIOError where error == .inputBufferOverflow {
            if inputEnded {
                throw corrupt("the gzip data ends early (the file is truncated)", cause: error)
            }
        } catch let error as CompressNIOError where error == .corruptData {
            throw corrupt("the data is not valid gzip (corrupt, or not compressed at all)", cause: error)
        } catch let error as InputError {
            throw error
        } catch let error as CompressNIOError {
            throw corrupt("decompression failed (\(error))", cause: error)
        } catch {
            throw corrupt("decompression failed (\(error))", cause: nil)
        }
    }

    /// After a member ended with input left: another member (`1f 8b`) is read on; anything else is an error.
    private func startNextMember() throws(InputError) {
        if input.readableBytes < 2, !inputEnded {
            input.discardReadBytes()
            try fillInput()
        }
        let magic = input.getBytes(at: input.readerIndex, length: min(2, input.readableBytes)) ?? []
        guard magic == [0x1F, 0x8B] else {
            throw corrupt("there is data after the end of the gzip stream that is not gzip", cause: nil)
        }
        do {
            try decompressor.reset()
        } catch {
            throw corrupt("cannot read the next gzip member (\(error))", cause: error)
        }
    }

    /// Appends up to a block of compressed bytes to `input`.
    private func fillInput() throws(InputError) {
        if input.readableBytes == 0 { input.clear() }
        var failure: InputError?
        let base = self.base
        let count = input.writeWithUnsafeMutableBytes(minimumWritableBytes: blockSize) { target in
            do throws(InputError) {
                return try base.readFully(into: UnsafeMutableRawBufferPointer(rebasing: target[..<blockSize]))
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        compressedBytes += count
        if count == 0 { inputEnded = true }
    }

    private func corrupt(_ reason: String, cause: (any Error & Sendable)?) -> InputError {
        let name = path == "-" ? "standard input" : "'\(path)'"
        return InputError(
            code: .corruptGzip,
            message: "cannot decompress \(name): \(reason) (after \(compressedBytes) compressed bytes); "
                + "re-create or re-download the file, or remove the .gz extension if it is not compressed",
            path: path,
            cause: cause
        )
    }
}
