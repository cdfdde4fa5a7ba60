import InvoiceAPI

private let quote = UInt8(ascii: "\"")
private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D

/// One record as scanned from the buffer.
struct ScannedCSVRecord {
    var cells: [String]
    /// Offset just after the record (and its line break).
    var next: Int
    /// Line breaks consumed: inside quoted cells and the one ending the record.
    var lineBreaks: Int
    /// A quoting problem, if any.
    var problem: CSVQuoteProblem?
    /// Index of the first cell that was not valid UTF-8.
    var invalidUTF8Column: Int?

    /// An empty line, or a record whose cells are all empty (`,,,`): skipped, not a row.
    var isBlank: Bool {
        for cell in cells where !cell.isEmpty { return false }
        return true
    }
}

/// How a record broke the quoting rules.
enum CSVQuoteProblem {
    /// Text followed a closing quote in this column (`"ab"c`).
    case textAfterClosingQuote(column: Int)
    /// The quoted cell in this column, opened this many line breaks into the record, never closed.
    case neverClosed(column: Int, lineOffset: Int)
}

extension CSVParser {
    /// Scans one record at `from`. Returns nil when the record may continue past the bytes in the buffer and the
    /// source has more: the caller refills and scans the record again from its start (once per block, so cheap).
    ///
    /// Written as tight loops over a raw pointer with the state in locals: this is where the time goes.
    mutating func scanRecord(from recordStart: Int, expectedCells: Int) -> ScannedCSVRecord? {
        let base = UnsafePointer(buffer)
        let end = self.end
        let atEOF = self.atEOF
        let delimiter = self.delimiter
        var cells: [String] = []
        cells.reserveCapacity(max(expectedCells, 1))
        var index = recordStart
        var lineBreaks = 0
        var problem: CSVQuoteProblem? = nil
        var invalidUTF8Column: Int? = nil

        while true {
            if index < end, base[index] == quote {
                let openLineBreaks = lineBreaks
                index += 1
                let contentStart = index
                var hasEscapes = false
                var closed = false
                var high: UInt8 = 0
                while index < end {
                    let byte = base[index]
                    high |= byte
                    if byte == quote {
                        if index + 1 < end {
                            if base[index + 1] == quote {
                                hasEscapes = true
                                index += 2
                                continue
                            }
                        } else if !atEOF {
                            return nil  // `"` or `""`? Decided by the next block.
                        }
                        closed = true
                        break
                    } else if byte == lineFeed {
                        lineBreaks += 1
                    } else if byte == carriageReturn {
                        if index + 1 < end {
                            if base[index + 1] != lineFeed { lineBreaks += 1 }
                        } else if !atEOF {
                            return nil
                        } else {
                            lineBreaks += 1
                        }
                    }
                    index += 1
                }
                if !closed && !atEOF { return nil }
                var cell =
                    hasEscapes
                    ? unescapedCell(base + contentStart, count: index - contentStart)
                    : makeCell(base + contentStart, count: index - contentStart, ascii: high < 0x80)
                if cell.invalid, invalidUTF8Column == nil { invalidUTF8Column = cells.count }
                if !closed {
                    if problem == nil { problem = .neverClosed(column: cells.count, lineOffset: openLineBreaks) }
                    cells.append(cell.text)
                    return ScannedCSVRecord(
                        cells: cells,
                        next: end,
                        lineBreaks: lineBreaks,
                        problem: problem,
                        invalidUTF8Column: invalidUTF8Column
                    )
                }
                index += 1  // the closing quote
                if index < end {
                    let byte = base[index]
                    if byte != delimiter, byte != lineFeed, byte != carriageReturn {
                        // Lenient reading of `"ab"c` as `abc`, flagged so that nobody relies on it.
                        if problem == nil { problem = .textAfterClosingQuote(column: cells.count) }
                        let extraStart = index
                        while index < end {
                            let byte = base[index]
                            if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                            index += 1
                        }
                        if index == end, !atEOF { return nil }
                        let extra = makeCell(base + extraStart, count: index - extraStart, ascii: false)
                        if extra.invalid, invalidUTF8Column == nil { invalidUTF8Column = cells.count }
                        cell.text += extra.text
                    }
                } else if !atEOF {
                    return nil
                }
                cells.append(cell.text)
            } else {
                let cellStart = index
                var high: UInt8 = 0
                while index < end {
                    let byte = base[index]
                    if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                    high |= byte
                    index += 1
                }
                if index == end, !atEOF { return nil }
                let cell = makeCell(base + cellStart, count: index - cellStart, ascii: high < 0x80)
                if cell.invalid, invalidUTF8Column == nil { invalidUTF8Column = cells.count }
                cells.append(cell.text)
            }

            // After a cell: a separator, a line break, or the end of the input.
            if index >= end {
                return ScannedCSVRecord(
                    cells: cells,
                    next: end,
                    lineBreaks: lineBreaks,
                    problem: problem,
                    invalidUTF8Column: invalidUTF8Column
                )
            }
            let byte = base[index]
            if byte == delimiter {
                index += 1
                continue
            }
            if byte == carriageReturn {
                if index + 1 < end {
                    index += base[index + 1] == lineFeed ? 2 : 1
                } else if !atEOF {
                    return nil  // CR at the end of the block: CRLF or lone CR?
                } else {
                    index += 1
                }
            } else {
                index += 1
            }
            return ScannedCSVRecord(
                cells: cells,
                next: index,
                lineBreaks: lineBreaks + 1,
                problem: problem,
                invalidUTF8Column: invalidUTF8Column
            )
        }
    }

    /// A cell's text from its bytes: validated UTF-8, or decoded with replacement characters and flagged.
    /// ASCII (known from the scan) needs no validation; the rest is checked once, by our own validator.
    @inline(__always)
    func makeCell(_ start: UnsafePointer<UInt8>, count: Int, ascii: Bool) -> (text: String, invalid: Bool) {
        let bytes = UnsafeBufferPointer(start: start, count: count)
        let invalid = !ascii && UTF8Validation.firstInvalidOffset(in: bytes) != nil
        return (String(decoding: bytes, as: UTF8.self), invalid)
    }

    /// A quoted cell's text with each `""` turned into `"`.
    mutating func unescapedCell(_ start: UnsafePointer<UInt8>, count: Int) -> (text: String, invalid: Bool) {
        scratch.removeAll(keepingCapacity: true)
        var index = 0
        while index < count {
            let byte = start[index]
            scratch.append(byte)
            index += byte == quote ? 2 : 1
        }
        return scratch.withUnsafeBufferPointer { bytes in
            makeCell(bytes.baseAddress!, count: bytes.count, ascii: false)
        }
    }

    /// Picks `,` `;` or tab: whichever occurs most often outside quotes in the first record (ties: `,`, then `;`).
    /// Returns once the record is complete in the buffer, refilling as needed.
    mutating func detectDelimiter() throws(InputError) -> UInt8 {
        while true {
            var commas = 0
            var semicolons = 0
            var tabs = 0
            var inQuotes = false
            var index = start
            var complete = false
            while index < end {
                let byte = buffer[index]
                if byte == quote {
                    inQuotes.toggle()
                } else if !inQuotes {
                    if byte == UInt8(ascii: ",") {
                        commas += 1
                    } else if byte == UInt8(ascii: ";") {
                        semicolons += 1
                    } else if byte == 0x09 {
                        tabs += 1
                    } else if byte == lineFeed || byte == carriageReturn {
                        complete = true
                        break
                    }
                }
                index += 1
            }
            if complete || atEOF || (start == 0 && end == capacity && capacity >= maxRecordBytes) {
                if semicolons > commas, semicolons >= tabs { return UInt8(ascii: ";") }
                if tabs > commas, tabs > semicolons { return 0x09 }
                return UInt8(ascii: ",")
            }
            try fill()
        }
    }
}
