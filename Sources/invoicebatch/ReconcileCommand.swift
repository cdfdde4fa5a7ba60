import ArgumentParser
import Foundation
import InvoiceBatch

/// `invoicebatch reconcile INPUT RESULTS…`: flags in, one call into the core, an exit status out.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Prove every source row's final outcome across runs, and (--verify) that the tenant holds it.",
        discussion: """
            Joins the batch with the results of its runs — the first run and the re-runs of its failures \
            files, in the order they were made — by source row (and rowId). Each row gets its final outcome \
            (the last success; else the last failure), the number of runs that touched it, and a detail; rows \
            no run has are 'missing'; a row listed twice in one results file, a results line the batch does \
            not have, or two successes that sent different requests (rebuilt from each run's own input, named \
            by run.json) are conflicts. RESULTS are results.csv/.jsonl files or run directories.

            --verify reads every changed invoice back (GET /v1/invoices/{key}, with --concurrency/--rate, \
            default the first run's) and compares the last value requested for each field with what the \
            tenant holds: match, mismatch (expected and found), unverifiable (einvoice-sync is asynchronous; \
            AppZen cannot be read; invoice items and PDF regeneration are not in the answer), or not-checked. \
            The tenant is --zuora-env/--zuora-url, else the one the runs' run.json name. The embedded sandbox \
            of a plain `run` cannot be verified: its invoices are gone when the run ends — run against \
            `invoicebatch sandbox` (--zuora-url) to verify sandbox runs. Credentials as for `run`.

            Writes reconciliation.csv (row,rowId,action,invoiceKey,outcome,runs,verified,detail; one line \
            per source row, in input order), reconciliation.json and reconciliation.html (charts; one \
            self-contained file) to --out, and a summary to standard error. Exit status: 0 every row \
            succeeded (and, with --verify, nothing differs or was left unread); 1 otherwise; 2 usage error or \
            unreadable input or results.

            Examples:
              $ invoicebatch reconcile fixes.csv fixes.run fixes-retry.run
              $ invoicebatch reconcile fixes.csv fixes.run/results.csv fixes-retry.run/results.csv --out audit
              $ invoicebatch reconcile fixes.csv fixes.run --verify --zuora-env us-sandbox --rate 10
              $ invoicebatch reconcile fixes.csv fixes.run --verify --zuora-url http://127.0.0.1:8080
            """
    )

    @OptionGroup var inputOptions: InputOptions

    @Argument(help: "Results files (results.csv/.jsonl) or run directories, oldest run first.")
    var results: [String] = []

    @Option(help: "Where to write the reconciliation (default: <input stem>.reconcile beside the input).")
    var out: String?

    @Flag(help: "Read every changed invoice back and compare it with what was requested.")
    var verify = false

    @OptionGroup var limits: LimitOptions

    @OptionGroup var target: TargetOptions

    @Flag(help: "No summary on success (errors are still printed).")
    var quiet = false

    func validate() throws {
        if results.isEmpty { throw ValidationError("Give at least one results file or run directory after INPUT.") }
        if inputOptions.input == "-" { throw ValidationError("INPUT must be a file: reconcile reads it again and cannot read standard input ('-').") }
        if !verify, target.flaggedTarget != nil {
            throw ValidationError("--zuora-env/--zuora-url only matter with --verify (reconcile changes nothing).")
        }
    }

    func run() async throws {
        let reconciliation: Reconciliation
        do {
            let credentials = verify
                ? try ClientCredentials.load(environment: ProcessInfo.processInfo.environment, file: target.credentialsFile)
                : ClientCredentials()
            let configuration = ReconcileConfiguration(
                input: inputOptions.input, format: inputOptions.format,
                delimiter: try inputOptions.delimiter.map { try RecordReader.delimiter(named: $0) },
                defaultAction: inputOptions.action, results: results, outputDirectory: out, verify: verify,
                target: target.flaggedTarget, concurrency: limits.concurrency, rate: limits.rate, burst: limits.burst,
                maxAttempts: limits.maxAttempts, timeout: .seconds(limits.timeout ?? 60),
                entityIDs: target.entityIds, orgIDs: target.orgIds, zuoraVersion: target.zuoraVersion, quiet: quiet
            )
            reconciliation = try await ReconcileRun(configuration: configuration, credentials: credentials).run {
                StandardError.write($0 + "\n")
            }
            if !quiet || reconciliation.exit != .succeeded {
                StandardError.write(reconciliation.text(directory: configuration.outputDirectory))
            }
        } catch {
            StandardError.write("invoicebatch: error: \(error.localizedDescription)\n")
            throw ExitCode(RunExit.invalidInput.rawValue)
        }
        if reconciliation.exit != .succeeded { throw ExitCode(reconciliation.exit.rawValue) }
    }
}
