import InvoiceAPI

/// Writes `failures.csv` / `failures.jsonl`: the original rows that did not succeed, in input order, with why, so
/// the user fixes them and runs the file again as it is.
///
/// Each row is written as it was read, plus four note columns (`#sourceRow`, `#outcome`, `#errorCode`,
/// `#errorMessage`) that `RowChecker` reads as notes (never sent). `#sourceRow` is the row's number in the
/// *original* file (`RowResult.sourceRow`, itself read from `#sourceRow` when the input is a failures file), so it
/// survives any number of re-runs; results carry it as `sourceRow` for `reconcile`.
///
/// - CSV: the input's header and separator; a `#` column the input already has is filled in place (a re-run's
///   failures file has the same header as the one it came from), the others are appended. A ragged row is padded or
///   cut to the header; the cut cells are quoted in `#errorMessage` so nothing is lost silently.
/// - JSONL: the original object, members in their order, the four members set (replaced in place when present);
///   absent values are `null`. A line that was not an object becomes `{"#raw": "<the line>", …}`.
///
/// No formula neutralisation here, on purpose: this file is input to the next run, and a `'` in front of
/// `-10.50 EUR` or `=`-leading comment would be sent as part of the value. It must give back byte for byte what the
/// user wrote. (`results.csv` is the file made for opening in a spreadsheet, and is neutralised.)
public final class FailuresWriter {
    /// The note columns added to each row, in this order.
    public static let noteColumns = ["#sourceRow", "#outcome", "#errorCode", "#errorMessage"]

    /// `failures.csv` or `failures.jsonl`.
    public static func fileName(for format: InputFormat) -> String {
        format == .csv ? "failures.csv" : "failures.jsonl"
    }

    public let format: InputFormat
    /// The CSV header written (the input's, with the note columns); empty for JSONL.
    public let header: [String]
    private let inputColumnCount: Int
    /// Where each note column is in `header`.
    private let noteIndices: [Int]
    private let csvOptions: CSVWriter.Options
    private let file: OutputFile

    /// Opens the failures file.
    /// - Parameters:
    ///   - header: the input's CSV header (`RecordReader.header`); ignored for JSONL.
    ///   - delimiter: the input's CSV separator (`RecordReader.delimiter`); ignored for JSONL.
    ///   - mode: `.truncate` for a new run (writes the CSV header); `.append` after `--resume` cut it back.
    /// - Throws: `OutputError` `.cannotCreate`, `.writeFailed`.
    public init(
        path: String, format: InputFormat, header: [String] = [], delimiter: UInt8 = UInt8(ascii: ","),
        mode: OutputFile.Mode = .truncate
    ) throws(OutputError) {
        self.format = format
        csvOptions = CSVWriter.Options(delimiter: delimiter, neutraliseFormulas: false)
        if format == .csv {
            var columns = header
            noteIndices = Self.noteColumns.map { name in
                if let index = header.firstIndex(of: name) { return index }
                columns.append(name)
                return columns.count - 1
            }
            self.header = columns
            inputColumnCount = header.count
        } else {
            noteIndices = []
            self.header = []
            inputColumnCount = 0
        }
        file = try OutputFile(path: path, mode: mode)
        if format == .csv, file.byteCount == 0 {
            let options = csvOptions
            let columns = self.header
            try file.append { CSVWriter.appendRow(columns, options: options, to: &$0) }
        }
    }

    /// The file's size with everything written so far (for the journal's checkpoint, after `flush()`).
    public var byteCount: Int { file.byteCount }

    /// Appends the original `record` with the notes from `result` (call it for rows that did not succeed).
    public func write(_ record: SourceRecord, result: RowResult) throws(OutputError) {
        let message = result.errorMessage.map(RowResult.singleLine)
        switch format {
        case .csv:
            let cells: [String]
            switch record.content {
            case .cells(let read), .malformed(_, let read, _): cells = read
            case .object(_, let text): cells = [text]
            }
            try writeCSV(cells: cells, result: result, message: message)
        case .jsonl:
            var object: JSONObject
            switch record.content {
            case .object(let read, _):
                object = read
            case .malformed(_, _, let text):
                object = JSONObject()
                object["#raw"] = .string(text)
            case .cells(let cells):
                object = JSONObject()
                object["#raw"] = .string(cells.joined(separator: ","))
            }
            object["#sourceRow"] = .number(String(result.sourceRow))
            object["#outcome"] = .string(result.outcome.rawValue)
            object["#errorCode"] = result.errorCode.map(JSONValue.string) ?? .null
            object["#errorMessage"] = message.map(JSONValue.string) ?? .null
            try file.append { buffer in
                JSONWriter.write(.object(object), into: &buffer)
                buffer.append(0x0A)
            }
        }
    }

    private func writeCSV(cells: [String], result: RowResult, message: String?) throws(OutputError) {
        var row = Array(cells.prefix(inputColumnCount))
        if row.count < inputColumnCount { row += Array(repeating: "", count: inputColumnCount - row.count) }
        row += Array(repeating: "", count: header.count - inputColumnCount)
        var message = message ?? ""
        if cells.count > inputColumnCount {
            let dropped = cells[inputColumnCount...].map { cell in
                var quoted: [UInt8] = []
                JSONWriter.writeString(cell, into: &quoted)
                return String(decoding: quoted, as: UTF8.self)
            }
            let note =
                "cells past the header's \(inputColumnCount) columns were dropped from this row: "
                + dropped.joined(separator: ", ")
            message = message.isEmpty ? note : "\(message) [\(note)]"
        }
        let values = [String(result.sourceRow), result.outcome.rawValue, result.errorCode ?? "", message]
        for (index, value) in zip(noteIndices, values) { row[index] = value }
        let options = csvOptions
        try file.append { CSVWriter.appendRow(row, options: options, to: &$0) }
    }

    /// Hands the buffered rows to the kernel.
    public func flush() throws(OutputError) {
        try file.flush()
    }

    /// Flushes and closes.
    public func close() throws(OutputError) {
        try file.close()
    }
}
