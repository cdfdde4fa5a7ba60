/// The state and buffer of one CSV read; `CSVReader` owns it and frees its buffer.
///
/// A struct with mutating methods rather than the class itself, so the scanning loops work on a value with no
/// dynamic exclusivity checks.
struct CSVParser {
    var header: [String] = []
    var delimiter = UInt8(ascii: ",")
    var delimiterWasDetected = false
    let source: any ByteSource
    let maxRecordBytes: Int
    var buffer: UnsafeMutablePointer<UInt8>
    var capacity: Int
    /// Unread bytes are `buffer[start..<end]`.
    var start = 0
    var end = 0
    /// The source has no more bytes beyond `end`.
    var atEOF = false
    /// Physical line (1-based) at `start`.
    var line = 1
    /// Data records returned so far.
    var row = 0
    /// Set after a record that was too long, until the rest of its first line has been discarded.
    var skippingRestOfLine = false
    /// Reused for cells with `""` escapes.
    var scratch: [UInt8] = []

    init(source: any ByteSource, blockSize: Int, maxRecordBytes: Int) {
        self.source = source
        self.capacity = max(blockSize, 4)
        self.maxRecordBytes = max(maxRecordBytes, self.capacity)
        self.buffer = .allocate(capacity: self.capacity)
    }

    /// Frees the buffer; the owner calls it once, at the end.
    func deallocate() {
        buffer.deallocate()
    }

    /// Reads up to the end of the header: byte order mark, blank lines, separator detection, header record.
    mutating func readPreamble(delimiter: UInt8?) throws(InputError) {
        try fill()
        skipByteOrderMark()
        try skipBlankLines()
        if let delimiter {
            self.delimiter = delimiter
        } else {
            self.delimiter = try detectDelimiter()
            self.delimiterWasDetected = true
        }
        try readHeader()
    }

    /// The next data record, or nil at the end of the input.
    /// - Throws: `InputError` only for a failure of the source (I/O, corrupt gzip); bad records are returned.
    mutating func next() throws(InputError) -> SourceRecord? {
        while true {
            if skippingRestOfLine {
                try discardRestOfLine()
                continue
            }
            if start >= end {
                if atEOF { return nil }
                try fill()
                continue
            }
            guard let scanned = scanRecord(from: start, expectedCells: header.count) else {
                if start == 0, end == capacity, capacity >= maxRecordBytes {
                    return tooLongRecord()
                }
                try fill()
                continue
            }
            let recordLine = line
            start = scanned.next
            line += scanned.lineBreaks
            if scanned.problem == nil, scanned.isBlank { continue }
            row += 1
            return SourceRecord(row: row, line: recordLine, content: content(of: scanned, line: recordLine))
        }
    }

    // MARK: Buffer

    /// Moves the unread bytes to the front, grows the buffer if a record fills it, and reads until it is full.
    mutating func fill() throws(InputError) {
        if start > 0 {
            let unread = end - start
            if unread > 0 { buffer.update(from: buffer + start, count: unread) }
            start = 0
            end = unread
        }
        if end == capacity {
            let grown = min(capacity * 2, maxRecordBytes)
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

    private mutating func skipByteOrderMark() {
        if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
            start += 3
        }
    }

    /// Skips empty physical lines before the header, counting them.
    private mutating func skipBlankLines() throws(InputError) {
        while true {
            if start >= end {
                if atEOF { return }
                try fill()
                continue
            }
            let byte = buffer[start]
            if byte == 0x0A {
                start += 1
                line += 1
            } else if byte == 0x0D {
                if start + 1 >= end, !atEOF {
                    try fill()
                    continue
                }
                start += start + 1 < end && buffer[start + 1] == 0x0A ? 2 : 1
                line += 1
            } else {
                return
            }
        }
    }

    private mutating func readHeader() throws(InputError) {
        while true {
            if start >= end {
                if atEOF { return }
                try fill()
                continue
            }
            guard let scanned = scanRecord(from: start, expectedCells: 16) else {
                if start == 0, end == capacity, capacity >= maxRecordBytes {
                    throw InputError(
                        code: .malformedHeader,
                        message: "the header record of \(source.displayName) is longer than "
                            + "\(maxRecordBytes / 1_048_576) MiB; a quote in it is probably never closed",
                        path: source.displayName
                    )
                }
                try fill()
                continue
            }
            start = scanned.next
            line += scanned.lineBreaks
            if scanned.isBlank { continue }
            header = scanned.cells
            return
        }
    }

    /// Drops bytes up to and including the next line break (after a record that was too long).
    private mutating func discardRestOfLine() throws(InputError) {
        while start < end {
            let byte = buffer[start]
            start += 1
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D {
                    if start >= end, !atEOF {
                        try fill()
                    }
                    if start < end, buffer[start] == 0x0A { start += 1 }
                }
                line += 1
                skippingRestOfLine = false
                return
            }
        }
        if atEOF {
            skippingRestOfLine = false
            return
        }
        try fill()
    }
}
