import ArgumentParser
import InvoiceBatch

@main
struct InvoiceBatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoicebatch",
        abstract: "Apply invoice changes in bulk to Zuora and AppZen from CSV or JSONL batches.",
        subcommands: [
            RunCommand.self, ValidateCommand.self, ReconcileCommand.self, TemplateCommand.self, SandboxCommand.self,
        ]
    )

    /// ArgumentParser's own entry point, with one change: a usage error exits 2 (the design's "usage error or
    /// invalid input"), not the BSD `EX_USAGE` 64, so scripts need to know one code for "fix the command".
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
