import InvoiceAPI

/// Writes `results.csv` or `results.jsonl`: one line per input row, in input order, in the input's format.
///
/// The report is what an analyst opens in a spreadsheet and what `reconcile` joins back to the input, so its shape
/// is fixed (`RowResult.columns`) and it matches the input: CSV for a CSV input (with formula neutralisation on,
/// since error messages echo provider text and input cells), JSONL for a JSONL input (`RowResult.jsonObject`:
/// numbers as numbers, absent values `null`). `errorMessage` is written on one line (`RowResult.singleLine`).
///
/// It writes what it is given in the order given: putting rows back into input order is `ReorderBuffer`'s job, in
/// front of it. The CSV report uses the input's separator: a sheet saved with `;` (Excel in a locale whose decimal
/// mark is a comma) is opened in that same Excel, which would show a comma-separated report as one column.
public final class ResultsWriter {
    /// `results.csv` or `results.jsonl`.
    public static func fileName(for format: InputFormat) -> String {
        format == .csv ? "results.csv" : "results.jsonl"
    }

    public let format: InputFormat
    private let file: OutputFile
    private let csvOptions: CSVWriter.Options

    /// Opens the report.
    /// - Parameters:
    ///   - path: the file to write (usually `<run dir>/results.csv`).
    ///   - format: the input's format.
    ///   - delimiter: the CSV separator: the input's (`RecordReader.delimiter`); ignored for JSONL.
    ///   - mode: `.truncate` for a new run (writes the CSV header); `.append` to go on after `--resume` has cut the
    ///     file back to its checkpoint (the header is already there).
    /// - Throws: `OutputError` `.cannotCreate`, `.writeFailed`.
    public init(
        path: String, format: InputFormat, delimiter: UInt8 = UInt8(ascii: ","), mode: OutputFile.Mode = .truncate
    ) throws(OutputError) {
        self.format = format
        let options = CSVWriter.Options(delimiter: delimiter, neutraliseFormulas: true)
        csvOptions = options
        file = try OutputFile(path: path, mode: mode)
        if format == .csv, file.byteCount == 0 {
            try file.append { CSVWriter.appendRow(RowResult.columns, options: options, to: &$0) }
        }
    }

    /// The file's size with everything written so far (for the journal's checkpoint, after `flush()`).
    public var byteCount: Int { file.byteCount }

    /// Appends the line of `result`.
    public func write(_ result: RowResult) throws(OutputError) {
        var result = result
        if let message = result.errorMessage { result.errorMessage = RowResult.singleLine(message) }
        switch format {
        case .csv:
            try file.append { CSVWriter.appendRow(result.cells, options: csvOptions, to: &$0) }
        case .jsonl:
            try file.append { buffer in
                JSONWriter.write(.object(result.jsonObject), into: &buffer)
                buffer.append(0x0A)
            }
        }
    }

    /// Hands the buffered lines to the kernel.
    public func flush() throws(OutputError) {
        try file.flush()
    }

    /// Flushes and closes.
    public func close() throws(OutputError) {
        try file.close()
    }
}
