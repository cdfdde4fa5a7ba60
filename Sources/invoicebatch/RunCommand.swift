import ArgumentParser
import Foundation
import InvoiceAPI
import InvoiceBatch
import InvoiceSandbox
import Logging

/// `invoicebatch run INPUT`: flags in, one call into the core, an exit status out.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check a batch, then apply it to Zuora and AppZen and report every row.",
        discussion: """
            Rows run concurrently, rate limited, and one after another per invoice in file order. Every \
            row gets exactly one line in results.csv (in input order); rows that did not succeed go to \
            failures.csv, which can be fixed and run again as it is. summary.json and a one-screen summary \
            close the run. Ctrl-C stops taking rows and leaves a resumable run directory (a second Ctrl-C \
            aborts what is in flight).

            With no --zuora-env/--zuora-url and no credentials in the environment, the run goes to the \
            embedded sandbox on a loopback port: nothing leaves the machine. Credentials come from \
            ZUORA_CLIENT_ID/ZUORA_CLIENT_SECRET (or ZUORA_BEARER_TOKEN), APPZEN_API_KEY, \
            APPZEN_CUSTOMER_ID, APPZEN_CUSTOMER_KEY, or --credentials-file; never from the command line.

            Exit status: 0 every row succeeded; 1 some rows failed or were skipped; 2 usage error or \
            invalid input (nothing sent); 3 stopped (resume with --resume DIR).

            Examples:
              $ invoicebatch run samples/monthly-corrections.csv
              $ invoicebatch run fixes.csv --zuora-env us-sandbox --rate 20
              $ invoicebatch run fixes.run/failures.csv     # fixed failures, again
              $ invoicebatch run --resume fixes.run
              $ invoicebatch run fixes.csv --audit-xml fixes-audit.xml.gz
              $ gunzip -c erp.jsonl.gz | invoicebatch run - --format jsonl --quiet
            """
    )

    @Argument(help: "The batch (.csv/.tsv/.jsonl, optionally .gz), or '-' for standard input with --format.")
    var input: String?

    @Option(help: "The action for rows without an 'action' column/member.")
    var action: InvoiceAction?

    @Option(help: "The input format, when the file name does not tell (always for '-').")
    var format: InputFormat?

    @Option(help: "The CSV separator: ',', ';' or 'tab' (default: detected from the header line).")
    var delimiter: String?

    @Option(help: "The run directory (default: <input stem>.run beside the input).")
    var out: String?

    @Option(help: "Finish the interrupted run in this run directory (same input; credentials from the environment).")
    var resume: String?

    @OptionGroup var limits: LimitOptions

    @Option(help: "Rows per checkpoint of the run directory. Default 500.")
    var chunkSize: Int?

    @Option(help: "After a row of an invoice fails: skip its later rows, or continue with them. Default skip.")
    var onFailure: RunConfiguration.FailurePolicy?

    @Flag(help: "Run the valid rows and report the invalid ones as 'invalid' (default: refuse the file, send nothing).")
    var skipInvalid = false

    @Flag(help: "Send request bodies gzipped (Content-Encoding: gzip).")
    var gzipRequests = false

    @OptionGroup var target: TargetOptions

    @Option(
        help: ArgumentHelp(
            "Write every HTTP exchange to this XML audit log (gzip when it ends in .gz), secrets redacted.",
            discussion: "Schema: schemas/audit-log.xsd. The file must not exist; --resume writes the next segment "
                + "(audit.2.xml.gz, …) beside it.",
            valueName: "path"
        )
    )
    var auditXml: String?

    @Flag(help: "Check, then print the request of every row (method, path, JSON); send nothing.")
    var dryRun = false

    @Flag(help: "No progress and no summary on success (errors are still printed).")
    var quiet = false

    func validate() throws {
        if input == nil, resume == nil { throw ValidationError("Give the batch to run (INPUT), or --resume DIR.") }
    }

    func run() async throws {
        let exit: RunExit
        do {
            exit = try await RunSettings(command: self).execute()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            // Anything that stops a run before or outside the rows (bad path, refused directory, changed input,
            // credentials without a target…) is the operator's to fix: status 2, as for invalid input.
            StandardError.write("invoicebatch: error: \(error.localizedDescription)\n")
            throw ExitCode(RunExit.invalidInput.rawValue)
        }
        if exit != .succeeded { throw ExitCode(exit.rawValue) }
    }
}

extension RunConfiguration.FailurePolicy: ExpressibleByArgument {}
extension ZuoraEnvironment: ExpressibleByArgument {}
