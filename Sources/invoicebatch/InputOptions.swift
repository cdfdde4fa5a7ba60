import ArgumentParser
import InvoiceAPI
import InvoiceBatch

/// The flags that say how to read a batch, shared by `validate` and `run`.
struct InputOptions: ParsableArguments {
    @Argument(help: "The batch: a .csv/.tsv or .jsonl file, optionally .gz; '-' reads standard input (needs --format).")
    var input: String

    @Option(help: "The action for rows without an 'action' column/member.")
    var action: InvoiceAction?

    @Option(help: "The input format, when the file name does not tell (always for '-').")
    var format: InputFormat?

    @Option(help: "The CSV separator: ',', ';' or 'tab' (default: detected from the header line).")
    var delimiter: String?

    /// Opens the input as the flags say.
    func openReader() throws -> RecordReader {
        let separator = try delimiter.map { try RecordReader.delimiter(named: $0) }
        return try RecordReader(path: input, format: format, delimiter: separator)
    }
}
