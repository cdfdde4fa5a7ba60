import InvoiceAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads JSON Lines: one JSON object per line, streaming, one `SourceRecord` per non-blank line.
///
/// A nightly ERP export can be half a million lines and arrive on a pipe, so lines are cut from a block buffer
/// (`memchr` for the line feed) and parsed in place by `JSONParser`, which keeps member order and number text.
/// Lines end in LF or CRLF; blank and whitespace-only lines are skipped and not counted as rows (`row` counts the
/// others, `line` is the physical line). A leading UTF-8 byte order mark is ignored. A bad line is a `.malformed`
/// record with its text (decoded with U+FFFD where it is not UTF-8) and the file goes on:
/// - `json-syntax`: not JSON (including a duplicate key), with the column (1-based byte position in the line);
/// - `json-not-object`: JSON, but an array, string, number, … rather than an object;
/// - `utf8`: not valid UTF-8;
/// - `line-too-long`: longer than `maxLineBytes`; skipped to the next line feed in constant memory, and `text` keeps
///   only its first KiB.
public final class JSONLReader {
    /// Default size of a read from the source.
    public static let defaultBlockSize = 256 * 1024
    /// Default bound on one line; longer lines are reported and skipped, so memory stays bounded.
    public static let defaultMaxLineBytes = 16 * 1024 * 1024

    private let source: any ByteSource
    private let parser: JSONParser
    private let maxLineBytes: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Unread bytes are `buffer[start..<end]`; `buffer[start..<searched]` holds no line feed.
    private var start = 0
    private var end = 0
    private var searched = 0
    private var atEOF = false
    private var line = 1
    private var row = 0
    private var atStartOfInput = true

    /// - Parameters:
    ///   - source: The (already decompressed) bytes.
    ///   - blockSize: Bytes read from the source at a time (tests make it small to cut lines across blocks).
    ///   - maxLineBytes: The longest line kept; longer ones become `line-too-long`.
    ///   - parser: The JSON parser (its nesting limit).
    public init(
        source: any ByteSource,
        blockSize: Int = JSONLReader.defaultBlockSize,
        maxLineBytes: Int = JSONLReader.defaultMaxLineBytes,
        parser: JSONParser = JSONParser()
    ) {
        self.source = source
        self.parser = parser
        self.capacity = max(blockSize, 4)
        self.maxLineBytes = max(maxLineBytes, self.capacity)
        self.buffer = .allocate(capacity: self.capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// The next record, or nil at the end of the input.
    /// - Throws: `InputError` only for a failure of the source (I/O, corrupt gzip); bad lines are returned.
    public func next() throws(InputError) -> SourceRecord? {
        while true {
            guard let found = try nextLine() else { return nil }
            let recordLine = line
            line += 1
            defer { start = found.next }
            var contentEnd = found.end
            if contentEnd > found.start, buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let bytes = UnsafeRawBufferPointer(start: buffer + found.start, count: contentEnd - found.start)
            if found.tooLong {
                row += 1
                return SourceRecord(row: row, line: recordLine, content: tooLongContent(prefix: bytes))
            }
            if isBlank(bytes) { continue }
            row += 1
            return SourceRecord(row: row, line: recordLine, content: content(of: bytes))
        }
    }

    /// The bounds of the next complete line (without its LF) and where the one after starts; refills as needed.
    /// A line over the limit is returned as a `line-too-long` record by skipping, not by growing further.
    private func nextLine() throws(InputError) -> FoundLine? {
        while true {
            if atStartOfInput {
                if end - start < 3, !atEOF {
                    try fill()
                    continue
                }
                atStartOfInput = false
                if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
                    start += 3
                    searched = start
                }
            }
            if searched < end, let found = memchr(buffer + searched, 0x0A, end - searched) {
                let lineEnd = UnsafeMutableRawPointer(found).assumingMemoryBound(to: UInt8.self) - buffer
                searched = lineEnd + 1
                return FoundLine(start: start, end: lineEnd, next: lineEnd + 1)
            }
            searched = end
            if atEOF {
                if start >= end { return nil }
                return FoundLine(start: start, end: end, next: end)  // last line without a line feed
            }
            if start == 0, end == capacity, capacity >= maxLineBytes {
                return try skipLongLine()
            }
            try fill()
        }
    }

    /// Keeps the first KiB (at most half the buffer) of an over-long line for the report, discards the rest up to
    /// its line feed, and hands back a line marked as too long.
    private func skipLongLine() throws(InputError) -> FoundLine {
        // Discard everything after the kept prefix, reading on until a line feed or the end of input.
        let kept = min(1024, capacity / 2)
        end = kept
        searched = kept
        while true {
            let space = UnsafeMutableRawBufferPointer(start: buffer + kept, count: capacity - kept)
            let count = try source.readFully(into: space)
            if count < space.count { atEOF = true }
            if let found = memchr(buffer + kept, 0x0A, count) {
                let lineFeed = UnsafeMutableRawPointer(found).assumingMemoryBound(to: UInt8.self) - buffer
                // Keep what follows the line feed: move it after the prefix.
                let rest = kept + count - (lineFeed + 1)
                if rest > 0 { (buffer + kept).update(from: buffer + lineFeed + 1, count: rest) }
                end = kept + rest
                searched = kept
                return FoundLine(start: 0, end: kept, next: kept, tooLong: true)
            }
            if atEOF {
                end = kept
                return FoundLine(start: 0, end: kept, next: kept, tooLong: true)
            }
        }
    }

    private func tooLongContent(prefix: UnsafeRawBufferPointer) -> SourceRecord.Content {
        let problem = InputProblem(
            rule: "line-too-long",
            message: "line is longer than \(maxLineBytes / 1_048_576) MiB; each line must be one JSON object "
                + "(was the file written without line breaks?); it was skipped"
        )
        return .malformed(problem, cells: [], text: String(decoding: prefix, as: UTF8.self) + "…")
    }

    private func content(of bytes: UnsafeRawBufferPointer) -> SourceRecord.Content {
        do {
            let value = try parser.parse(bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            guard case .object(let object) = value else {
                let problem = InputProblem(
                    rule: "json-not-object",
                    message: "line is \(value.typeDescription), not a JSON object; each line must be one object {…}"
                )
                return .malformed(problem, cells: [], text: text)
            }
            return .object(object, text: text)
        } catch {
            let text = String(decoding: bytes, as: UTF8.self)
            let column = error.offset + 1
            if error.code == .invalidUTF8 {
                let problem = InputProblem(
                    rule: "utf8",
                    message: "line is not valid UTF-8 at column \(column); save the file as UTF-8"
                )
                return .malformed(problem, cells: [], text: text)
            }
            let problem = InputProblem(
                rule: "json-syntax",
                message: "not valid JSON at column \(column): \(error.message)"
            )
            return .malformed(problem, cells: [], text: text)
        }
    }

    /// Where a line lies in the buffer.
    private struct FoundLine {
        var start: Int
        /// Just before the line feed.
        var end: Int
        /// Where the next line starts.
        var next: Int
        /// The line is the kept prefix of a line over the limit.
        var tooLong = false
    }

    private func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes {
            switch byte {
            case 0x20, 0x09, 0x0D: continue
            default: return false
            }
        }
        return true
    }

    /// Moves the unread bytes to the front, grows the buffer if one line fills it, and reads until it is full.
    private func fill() throws(InputError) {
        if start > 0 {
            let unread = end - start
            if unread > 0 { buffer.update(from: buffer + start, count: unread) }
            searched -= start
            end = unread
            start = 0
        }
        if end == capacity {
            let grown = min(capacity * 2, maxLineBytes)
            guard grown > capacity else { return }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = larger
            capacity = grown
        }
        let space = UnsafeMutableRawBufferPointer(start: buffer + end, count: capacity - end)
        let count = try source.readFully(into: space)
        end += count
        if count < space.count { atEOF = true }
    }
}
