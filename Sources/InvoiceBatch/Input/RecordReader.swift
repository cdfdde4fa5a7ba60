/// The front door of the Input stage: opens a path (or `-` for standard input), decompresses it if it is gzip,
/// picks the CSV or JSONL reader and hands out `SourceRecord`s one at a time or in chunks, in constant memory.
///
/// Everything that depends on *what* the input is gets settled here, once, so later stages see only records:
/// the format (given, or from the extension after stripping `.gz`), compression (a `.gz` name or the gzip magic
/// bytes `1f 8b`, so a gzipped pipe works too), the CSV separator. Problems with the input as a whole (missing,
/// unreadable, corrupt gzip, empty, unknown format) are thrown as `InputError`; problems with one record come back
/// as `.malformed` records and reading goes on.
public final class RecordReader {
    /// The path as given; `-` for standard input.
    public let path: String
    /// The format being read.
    public let format: InputFormat
    /// Whether the input is being decompressed from gzip.
    public let isGzipped: Bool

    private let file: FileByteSource?
    private let reader: Reader

    private enum Reader {
        case csv(CSVReader)
        case jsonl(JSONLReader)
    }

    /// Opens the input and, for CSV, reads its header.
    /// - Parameters:
    ///   - path: A file path, or `-` for standard input.
    ///   - format: The format; nil to tell it from the file name (required for standard input).
    ///   - delimiter: The CSV separator; nil to detect it (`.tsv` files default to tab). Ignored for JSONL.
    ///   - blockSize: Bytes read at a time (tests make it small).
    /// - Throws: `InputError`: `.fileNotFound`, `.notReadable`, `.unknownFormat`, `.corruptGzip`, `.emptyInput`,
    ///   `.invalidDelimiter`, `.malformedHeader`, `.readFailed`.
    public convenience init(
        path: String,
        format: InputFormat? = nil,
        delimiter: UInt8? = nil,
        blockSize: Int = CSVReader.defaultBlockSize
    ) throws(InputError) {
        let file = try FileByteSource(path: path)
        try self.init(path: path, file: file, raw: file, format: format, delimiter: delimiter, blockSize: blockSize)
    }

    /// Opens the input like `init(path:format:delimiter:blockSize:)`, and hands every raw byte read (before
    /// decompression) to `observe`: how `run` hashes the input and spools standard input without a second read.
    public convenience init(
        path: String,
        format: InputFormat? = nil,
        delimiter: UInt8? = nil,
        observingRawBytes observe: @escaping (UnsafeRawBufferPointer) -> Void
    ) throws(InputError) {
        let file = try FileByteSource(path: path)
        let tee = ObservedByteSource(base: file, observe: observe)
        try self.init(path: path, file: file, raw: tee, format: format, delimiter: delimiter, blockSize: CSVReader.defaultBlockSize)
    }

    /// Reads input held in memory (gzip or not) as if it were a file called `name`: for tests and small inputs.
    public convenience init(
        bytes: [UInt8],
        format: InputFormat,
        delimiter: UInt8? = nil,
        name: String = "input",
        blockSize: Int = CSVReader.defaultBlockSize
    ) throws(InputError) {
        let source = MemoryByteSource(bytes: bytes, displayName: name)
        try self.init(path: name, file: nil, raw: source, format: format, delimiter: delimiter, blockSize: blockSize)
    }

    private init(
        path: String,
        file: FileByteSource?,
        raw: any ByteSource,
        format: InputFormat?,
        delimiter: UInt8?,
        blockSize: Int
    ) throws(InputError) {
        self.path = path
        self.file = file
        guard let format = format ?? Self.format(forPath: path) else {
            throw Self.unknownFormatError(path: path)
        }
        self.format = format

        // Sniff the first two bytes for the gzip magic, then put them back.
        let magic = try Self.readPrefix(count: 2, from: raw)
        let sniffed = PrefixedByteSource(prefix: magic, base: raw)
        self.isGzipped = magic == [0x1F, 0x8B] || Self.hasGzipExtension(path)
        let decoded: any ByteSource =
            isGzipped ? try GzipByteSource(base: sniffed, path: path, blockSize: blockSize) : sniffed

        // An empty input (zero bytes, also after decompression) is a file-level problem, not zero records.
        let first = try Self.readPrefix(count: 1, from: decoded)
        guard !first.isEmpty else {
            throw InputError(
                code: .emptyInput,
                message: "\(Self.describe(path)) is empty\(isGzipped ? " (after decompression)" : ""); "
                    + "nothing to do — check that the export wrote any rows",
                path: path
            )
        }
        let source = PrefixedByteSource(prefix: first, base: decoded)

        switch format {
        case .csv:
            let chosen = delimiter ?? (Self.strippingGzipExtension(path).lowercased().hasSuffix(".tsv") ? 0x09 : nil)
            let csv = try CSVReader(source: source, delimiter: chosen, blockSize: blockSize)
            guard !csv.header.isEmpty else {
                throw InputError(
                    code: .emptyInput,
                    message: "\(Self.describe(path)) has no header line (it holds only blank lines); "
                        + "the first line must name the columns, e.g. action,invoiceKey,dueDate",
                    path: path
                )
            }
            reader = .csv(csv)
        case .jsonl:
            reader = .jsonl(JSONLReader(source: source, blockSize: blockSize))
        }
    }

    /// Up to `count` first bytes of `source` (fewer only at its end).
    private static func readPrefix(count: Int, from source: any ByteSource) throws(InputError) -> [UInt8] {
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { bytes.deallocate() }
        let read = try source.readFully(into: bytes)
        return Array(bytes[..<read])
    }

    /// The CSV header (column names in file order); empty for JSONL.
    public var header: [String] {
        if case .csv(let csv) = reader { return csv.header }
        return []
    }

    /// The CSV separator in use (given or detected); nil for JSONL.
    public var delimiter: UInt8? {
        if case .csv(let csv) = reader { return csv.delimiter }
        return nil
    }

    /// Whether the CSV separator was detected rather than given; false for JSONL.
    public var delimiterWasDetected: Bool {
        if case .csv(let csv) = reader { return csv.delimiterWasDetected }
        return false
    }

    /// Bytes read from the file so far (compressed bytes for gzip), for progress against `fileSize`.
    public var fileBytesRead: Int { file?.bytesRead ?? 0 }

    /// The file's size when it is a regular file; nil for standard input, pipes and memory.
    public var fileSize: Int? { file?.size }

    /// The next record, or nil at the end of the input.
    /// - Throws: `InputError` if reading fails part way (I/O error, corrupt gzip).
    public func next() throws(InputError) -> SourceRecord? {
        switch reader {
        case .csv(let csv): try csv.next()
        case .jsonl(let jsonl): try jsonl.next()
        }
    }

    /// Up to `maxCount` next records (the unit of checkpointing); empty only at the end of the input.
    public func nextChunk(maxCount: Int) throws(InputError) -> [SourceRecord] {
        var chunk: [SourceRecord] = []
        chunk.reserveCapacity(min(maxCount, 4096))
        while chunk.count < maxCount, let record = try next() {
            chunk.append(record)
        }
        return chunk
    }

    /// The records in chunks of `size`, as an `AsyncSequence` (reads are blocking file reads, done on the caller).
    public func chunks(ofSize size: Int) -> RecordChunks {
        RecordChunks(reader: self, size: size)
    }
}
