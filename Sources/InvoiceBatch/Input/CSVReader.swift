/// Reads CSV (RFC 4180) from a byte source, streaming, one `SourceRecord` per data record.
///
/// Our own byte-level parser because no library served: yaslab/CSV.swift decodes byte by byte at about 13 MB/s here
/// and reports a spurious `cannotReadFile` at the end of a file on Linux, while Python's `csv.reader` manages
/// ~58 MB/s on the same file and `validate` must stay well ahead of that. This one scans a block buffer with raw
/// pointers and makes one `String` per cell straight from the buffer, so the cost is the strings themselves.
///
/// What it accepts, because spreadsheets write it: quoted cells with `""` escapes and embedded line breaks; CRLF,
/// LF or lone-CR line ends; a UTF-8 byte order mark; `,` `;` or tab separators, detected from the header line (the
/// most frequent outside quotes; ties go to `,`, then `;`) unless given; no newline at the end. The first non-blank
/// record is the header. Blank lines and records whose cells are all empty (a spreadsheet's `,,,,` rows) are skipped
/// and not counted as rows.
///
/// What it reports without stopping, as a `.malformed` record (the file goes on):
/// - `ragged-row`: more or fewer cells than the header has columns;
/// - `csv-quote`: text after a closing quote (`"ab"c`, read leniently as `abc`), or a quote never closed (the rest
///   of the file is that one cell). A quote *inside* an unquoted cell (`a"b`) is taken literally: spreadsheets
///   never write it, people do, and it is unambiguous;
/// - `utf8`: a cell that is not valid UTF-8 (decoded with U+FFFD so the row can still be shown), naming the column;
/// - `record-too-long`: a record over `maxRecordBytes` (almost always an unclosed quote); reading resumes on the
///   line after the one it started on, so memory stays bounded.
public final class CSVReader {
    /// Default size of a read from the source.
    public static let defaultBlockSize = 256 * 1024
    /// Default bound on one record's size; the buffer grows to hold a record up to this size, never beyond.
    public static let defaultMaxRecordBytes = 16 * 1024 * 1024

    /// All state lives in one struct so the hot path pays one exclusivity check per record, not one per field.
    private var parser: CSVParser

    /// Reads the header (and detects the separator unless `delimiter` is given).
    /// - Parameters:
    ///   - source: The (already decompressed) bytes.
    ///   - delimiter: The separator byte, or nil to detect `,` `;` or tab from the header line.
    ///   - blockSize: Bytes read from the source at a time (tests make it small to cut records across blocks).
    ///   - maxRecordBytes: The largest record kept whole; larger ones become `record-too-long`.
    /// - Throws: `InputError` if the source cannot be read, or the delimiter is a quote or a line break.
    public init(
        source: any ByteSource,
        delimiter: UInt8? = nil,
        blockSize: Int = CSVReader.defaultBlockSize,
        maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes
    ) throws(InputError) {
        if let delimiter, delimiter == UInt8(ascii: "\"") || delimiter == 0x0A || delimiter == 0x0D || delimiter >= 0x80
        {
            throw InputError(
                code: .invalidDelimiter,
                message: "the CSV delimiter cannot be a quote, a line break or a non-ASCII byte; use ',', ';' or tab",
                path: source.displayName
            )
        }
        parser = CSVParser(source: source, blockSize: blockSize, maxRecordBytes: maxRecordBytes)
        // Fully initialised: if this throws, `deinit` still frees the buffer.
        try parser.readPreamble(delimiter: delimiter)
    }

    deinit {
        parser.deallocate()
    }

    /// The column names from the first record; empty when the input has no records at all.
    public var header: [String] { parser.header }
    /// The separator in use: given, or detected from the header line.
    public var delimiter: UInt8 { parser.delimiter }
    /// Whether `delimiter` was detected rather than given.
    public var delimiterWasDetected: Bool { parser.delimiterWasDetected }

    /// The next data record, or nil at the end of the input.
    /// - Throws: `InputError` only for a failure of the source (I/O, corrupt gzip); bad records are returned.
    public func next() throws(InputError) -> SourceRecord? {
        try parser.next()
    }
}
