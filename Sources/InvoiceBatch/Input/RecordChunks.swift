/// The records of a `RecordReader` in chunks, for `for try await chunk in reader.chunks(ofSize: 500)`.
///
/// A thin adapter so that the scheduling stage can consume input the same way it consumes everything else; it adds
/// no buffering and no concurrency (each chunk is read synchronously when asked for), so memory stays one chunk.
/// Not `Sendable`: iterate it in the task that made it.
public struct RecordChunks: AsyncSequence {
    public typealias Element = [SourceRecord]
    public typealias Failure = InputError

    let reader: RecordReader
    let size: Int

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(reader: reader, size: Swift.max(size, 1))
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        public typealias Element = [SourceRecord]
        public typealias Failure = InputError

        let reader: RecordReader
        let size: Int

        public mutating func next() async throws(InputError) -> [SourceRecord]? {
            let chunk = try reader.nextChunk(maxCount: size)
            return chunk.isEmpty ? nil : chunk
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async throws(InputError) -> [SourceRecord]? {
            let chunk = try reader.nextChunk(maxCount: size)
            return chunk.isEmpty ? nil : chunk
        }
    }
}
