import Foundation
import ArgumentParser
import InvoiceBatch

/// `invoicebatch validate INPUT`: the offline checks alone.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every row of a batch offline; nothing is sent.",
        discussion: """
            Reports every problem in one pass, compiler style, on standard error: file, line, row, column, \
            what is wrong and how to fix it, and the rule's name in brackets. Warnings report repairs \
            (a reason '1' read as '01'); they do not fail validation. Exit status: 0 when there is no error, \
            2 when there is any.

            Example:
              $ invoicebatch validate samples/bad-corrections.csv --report findings.csv
              samples/bad-corrections.csv:14: error: row 12, column 'dueDate': '12/01/2026' is not \
            yyyy-MM-dd (did you mean 2026-12-01 or 2026-01-12?) [date-format]
              …
              $ gunzip -c export.jsonl.gz | invoicebatch validate - --format jsonl
            """
    )

    @OptionGroup var inputOptions: InputOptions

    @Option(help: "Also write every finding to this CSV file (row,line,column,severity,rule,message).")
    var report: String?

    func run() throws {
        let reader: RecordReader
        do {
            reader = try inputOptions.openReader()
        } catch {
            StandardError.write("\(inputOptions.input): error: \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
        let printer = DiagnosticPrinter(file: inputOptions.input)
        let findings = try report.map(FindingsReport.init(path:))
        let summary: BatchValidation.Summary
        do {
            summary = try BatchValidation.validate(reader, defaultAction: inputOptions.action) { diagnostic in
                printer.print(diagnostic)
                try findings?.write(diagnostic)
            }
        } catch {
            printer.finish()
            StandardError.write("\(inputOptions.input): error: \(error.localizedDescription)\n")
            try? findings?.close()
            throw ExitCode(2)
        }
        printer.finish()
        try findings?.close()
        let verdict = summary.errors == 0 ? "ok" : "failed"
        StandardError.write(
            "\(inputOptions.input): \(verdict): \(summary.rows) rows, \(summary.rows - summary.invalidRows) valid, "
                + "\(summary.invalidRows) invalid; \(summary.errors) \(summary.errors == 1 ? "error" : "errors"), \(summary.warnings) \(summary.warnings == 1 ? "warning" : "warnings")\n"
        )
        if summary.errors > 0 { throw ExitCode(2) }
    }
}
