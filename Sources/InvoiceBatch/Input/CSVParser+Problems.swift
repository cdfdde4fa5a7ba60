extension CSVParser {
    /// The record's content: its cells, or `.malformed` with the first problem found (quoting, then shape, then
    /// encoding: a quoting problem explains a wrong cell count, and a ragged row's columns cannot be named).
    func content(of scanned: ScannedCSVRecord, line: Int) -> SourceRecord.Content {
        if let problem = scanned.problem {
            return .malformed(quoteProblem(problem, line: line), cells: scanned.cells, text: "")
        }
        if scanned.cells.count != header.count {
            return .malformed(raggedProblem(cellCount: scanned.cells.count), cells: scanned.cells, text: "")
        }
        if let column = scanned.invalidUTF8Column {
            let problem = InputProblem(
                rule: "utf8",
                message: "\(describeColumn(column)) is not valid UTF-8; save the file as UTF-8 "
                    + "(in Excel: \"CSV UTF-8\"); the cell is shown with \u{FFFD} for the bad bytes"
            )
            return .malformed(problem, cells: scanned.cells, text: "")
        }
        return .cells(scanned.cells)
    }

    func raggedProblem(cellCount: Int) -> InputProblem {
        let counts =
            "row has \(cellCount) \(cellCount == 1 ? "cell" : "cells") but the header has "
            + "\(header.count) \(header.count == 1 ? "column" : "columns")"
        let hint =
            cellCount > header.count
            ? "a value that contains \(describeDelimiter) must be in double quotes"
            : "is a separator missing, or does a value with a line break lack its double quotes?"
        return InputProblem(rule: "ragged-row", message: "\(counts); \(hint)")
    }

    func quoteProblem(_ problem: CSVQuoteProblem, line: Int) -> InputProblem {
        switch problem {
        case .textAfterClosingQuote(let column):
            InputProblem(
                rule: "csv-quote",
                message: "\(describeColumn(column)) has text after its closing quote; "
                    + "inside a quoted cell write a quote as \"\" (the cell was read without the stray quote)"
            )
        case .neverClosed(let column, let lineOffset):
            InputProblem(
                rule: "csv-quote",
                message: "\(describeColumn(column)): the quote opened on line \(line + lineOffset) is never closed, "
                    + "so the rest of the file was read as this one cell; close it, "
                    + "or write a quote inside a cell as \"\""
            )
        }
    }

    /// A record too long to hold: reported, and reading resumes after the line it started on.
    mutating func tooLongRecord() -> SourceRecord {
        row += 1
        skippingRestOfLine = true
        let problem = InputProblem(
            rule: "record-too-long",
            message: "the record starting here is longer than \(maxRecordBytes / 1_048_576) MiB, most likely because "
                + "a quote is never closed; the rest of this line was skipped and reading went on from the next line"
        )
        return SourceRecord(row: row, line: line, content: .malformed(problem, cells: [], text: ""))
    }

    /// `column 3 'dueDate'`, or `column 6` past the header.
    func describeColumn(_ index: Int) -> String {
        if index < header.count { return "column \(index + 1) '\(header[index])'" }
        return "column \(index + 1)"
    }

    var describeDelimiter: String {
        switch delimiter {
        case 0x09: "a tab"
        default: "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }
}
