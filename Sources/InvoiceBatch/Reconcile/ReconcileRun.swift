import AsyncHTTPClient
import InvoiceAPI

/// `invoicebatch reconcile`: proves that every source row of a batch has exactly one final outcome across its runs
/// (a first run and its re-runs of failures files), and with `--verify` that the tenant holds what was asked.
///
/// Reads the input and every results file, joins them (`Reconciler`), rebuilds the requests of successes from each
/// run's own input (`RunRequests`), optionally reads the invoices back (`InvoiceVerifier`), and writes
/// `reconciliation.csv`, `reconciliation.json` and `reconciliation.html`. Nothing is ever changed on the tenant.
public struct ReconcileRun: Sendable {
    public let configuration: ReconcileConfiguration
    public let credentials: ClientCredentials

    public init(configuration: ReconcileConfiguration, credentials: ClientCredentials = ClientCredentials()) {
        self.configuration = configuration
        self.credentials = credentials
    }

    /// Reconciles, writes the files and prints the summary on standard error.
    /// - Parameter log: one line of progress for standard error (the settings in use, the verify target).
    /// - Returns: the reconciliation; its `exit` is the command's status.
    /// - Throws: `ReconcileError` for an unreadable input or results file, `--verify` without a target or
    ///   credentials, or a file that cannot be written (the command's status 2).
    public func run(log: (String) -> Void = { _ in }) async throws(ReconcileError) -> Reconciliation {
        let input = try InputRow.readAll(
            path: configuration.input, format: configuration.format, delimiter: configuration.delimiter,
            defaultAction: configuration.defaultAction
        )
        var files: [ResultsFile] = []
        var runs: [Reconciler.Run] = []
        for argument in configuration.results {
            let file = try ResultsFile.locate(argument)
            files.append(file)
            runs.append(Reconciler.Run(file: file.path, lines: try file.readLines()))
        }
        let verifyTarget = configuration.verify ? try verificationTarget(files) : nil
        if let verifyTarget, credentials.zuora == nil {
            throw ReconcileError(
                .noCredentials,
                "--verify reads invoices from \(verifyTarget.target.zuoraURL ?? verifyTarget.target.name) but no Zuora "
                    + "credentials are set: export ZUORA_CLIENT_ID and ZUORA_CLIENT_SECRET (or ZUORA_BEARER_TOKEN), "
                    + "or pass --credentials-file"
            )
        }

        let reconciler = Reconciler(input: input, runs: runs)
        var output = reconciler.reconcile { run, rows in RunRequests.load(files[run], rows: rows) }

        var verification: Reconciliation.VerificationInfo?
        if let verifyTarget {
            let settings = files.first?.manifest?.settings ?? JSONObject()
            func saved(_ key: String) -> Double? {
                if case .number(let text)? = settings[key] { return Double(text) }
                return nil
            }
            let concurrency = max(1, configuration.concurrency ?? saved("concurrency").map(Int.init) ?? 10)
            let rate = configuration.rate ?? saved("rate")
            log(
                "invoicebatch reconcile: verifying against \(verifyTarget.target.name) "
                    + "(\(verifyTarget.target.zuoraURL ?? "-"), from \(verifyTarget.source)); concurrency \(concurrency), "
                    + "\(rate.map { "\($0)/s" } ?? "no fixed rate")"
            )
            let summary = await verify(
                &output, target: verifyTarget.target, concurrency: concurrency, rate: rate,
                // Not the run's --max-attempts: a read is always safe to repeat, and a run made with one attempt (to
                // see the failures) should not leave invoices unread.
                maxAttempts: configuration.maxAttempts ?? 5
            )
            verification = Reconciliation.VerificationInfo(
                target: verifyTarget.target, targetSource: verifyTarget.source, invoicesRead: summary.invoicesRead,
                readFailures: summary.readFailures, uncheckedRows: summary.uncheckedRows
            )
        }

        var reconciliation = Reconciliation(
            inputPath: configuration.input,
            runs: zip(files, runs).map { file, run in
                Reconciliation.RunInfo(
                    file: file.path, runID: file.manifest?.runID,
                    target: file.manifest?.settings["target"]?.stringValue, lines: run.lines.count)
            },
            rows: output.rows, conflicts: output.conflicts, errorCodes: [:], errorSamples: [:],
            latency: LatencyHistogram(), latencyBuckets: LatencyBuckets(), verification: verification,
            createdAt: UTCTimestamp.now()
        )
        for run in runs {
            for line in run.lines {
                let result = line.result
                if result.attempts > 0 {
                    reconciliation.latency.record(result.durationMs)
                    reconciliation.latencyBuckets.record(result.durationMs)
                }
                if result.outcome == .failed, let code = result.errorCode {
                    reconciliation.errorCodes[code, default: 0] += 1
                    if reconciliation.errorSamples[code] == nil { reconciliation.errorSamples[code] = result.errorMessage }
                }
            }
        }
        try reconciliation.write(to: configuration.outputDirectory)
        return reconciliation
    }

    /// The client, pacer and verifier for one verification, scoped to it.
    private func verify(
        _ output: inout Reconciler.Output, target: RunTarget, concurrency: Int, rate: Double?, maxAttempts: Int
    ) async -> InvoiceVerifier.Summary {
        let flow = FlowControl(.init(rate: rate, burst: configuration.burst, concurrency: concurrency))
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: .invoiceBatch(concurrency: concurrency, timeout: configuration.timeout)
        )
        let client = InvoiceClient(
            httpClient: httpClient,
            configuration: InvoiceClientConfiguration(
                zuoraBaseURL: target.zuoraURL ?? "", appZenBaseURL: target.appzenURL ?? "https://api.appzen.com",
                runID: "rc" + RunID.make(), entityIDs: configuration.entityIDs, orgIDs: configuration.orgIDs,
                zuoraVersion: configuration.zuoraVersion, timeout: configuration.timeout, maxAttempts: maxAttempts
            ),
            credentials: credentials, pacer: flow
        )
        let verifier = InvoiceVerifier(client: client, flow: flow, concurrency: concurrency)
        let summary = await verifier.verify(&output)
        try? await httpClient.shutdown()
        return summary
    }
}
