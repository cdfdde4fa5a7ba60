import InvoiceBatch
import Testing

@Suite struct GzipByteSourceTests {
    /// Decompresses everything through a buffer of `readSize`, as the readers do.
    func decompress(_ compressed: [UInt8], blockSize: Int, readSize: Int, maxReadSize: Int = .max) throws(InputError)
        -> [UInt8]
    {
        let source = try GzipByteSource(
            base: MemoryByteSource(bytes: compressed, maxReadSize: maxReadSize),
            path: "test.gz",
            blockSize: blockSize
        )
        var output: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = try source.read(into: buffer)
            #expect(count <= readSize)
            if count == 0 { break }
            output += buffer[..<count]
        }
        return output
    }

    @Test func decompressesWithAnyBufferSizes() throws {
        let plain = try InputFixture.bytes("updates.csv")
        let compressed = try InputFixture.bytes("updates.csv.gz")
        for (blockSize, readSize, maxReadSize) in [(64, 7, 3), (100, 1000, 64), (256 * 1024, 256 * 1024, Int.max)] {
            #expect(
                try decompress(compressed, blockSize: blockSize, readSize: readSize, maxReadSize: maxReadSize) == plain
            )
        }
    }

    @Test func readsManyMembersInBoundedBuffers() throws {
        let plain = try InputFixture.bytes("updates.csv")
        let compressed = try InputFixture.bytes("updates.csv.gz")
        let members = 50
        let output = try decompress(
            Array([[UInt8]](repeating: compressed, count: members).joined()),
            blockSize: 4096,
            readSize: 4096
        )
        #expect(output.count == plain.count * members)
        #expect(Array(output.suffix(plain.count)) == plain)
    }

    @Test func rejectsDataAfterTheStream() throws {
        let compressed = try InputFixture.bytes("updates.csv.gz") + Array("trailing junk".utf8)
        #expect {
            try decompress(compressed, blockSize: 512, readSize: 512)
        } throws: { error in
            let error = error as? InputError
            return error?.code == .corruptGzip && error?.message.contains("after the end of the gzip stream") == true
        }
    }

    @Test func rejectsTruncatedStream() throws {
        let compressed = try InputFixture.bytes("updates.csv.gz")
        #expect {
            try decompress(Array(compressed.dropLast(4)), blockSize: 512, readSize: 512)
        } throws: { error in
            let error = error as? InputError
            return error?.code == .corruptGzip && error?.message.contains("ends early") == true
        }
    }
}
