import ArgumentParser
import InvoiceBatch

@main
struct InvoiceBatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoicebatch",
        abstract: "Apply invoice changes in bulk to Zuora and AppZen from CSV or JSONL batches.",
        subcommands: [RunCommand.self, ValidateCommand.self, TemplateCommand.self, SandboxCommand.self]
    )
}
