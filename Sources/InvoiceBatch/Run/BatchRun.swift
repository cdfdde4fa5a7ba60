import AsyncHTTPClient
import Crypto
import InvoiceAPI

/// `invoicebatch run`: the whole pipeline for one batch. Every row is checked first (nothing is sent when a row
/// is invalid, unless `--skip-invalid`); then rows run concurrently, rate limited and in order per invoice, and
/// every row ends with exactly one result line, in input order, whatever the server, the network or the
/// operator does. The run directory can be resumed after a crash, a kill or Ctrl-C.
public struct BatchRun: Sendable {
    public let configuration: RunConfiguration
    public let target: RunTarget
    public let credentials: ClientCredentials
    /// Whether `configuration.outputDirectory` holds an interrupted run to finish.
    public let resume: Bool
    /// Sees every HTTP exchange (the audit log).
    public let observer: (any ExchangeObserver)?
    public let toolVersion: String

    public init(
        configuration: RunConfiguration, target: RunTarget, credentials: ClientCredentials, resume: Bool = false,
        observer: (any ExchangeObserver)? = nil, toolVersion: String = InvoiceBatchVersion.current
    ) {
        self.configuration = configuration
        self.target = target
        self.credentials = credentials
        self.resume = resume
        self.observer = observer
        self.toolVersion = toolVersion
    }

    /// Runs the batch.
    /// - Parameters:
    ///   - interrupts: the first escalation stops taking rows, the second cancels what is in flight.
    ///   - report: each offline finding, for standard error.
    /// - Returns: the exit status.
    /// - Throws: `RunError` (nothing sent), or an input or output failure part way (the run is resumable).
    public func run(interrupts: InterruptMonitor, report: (Diagnostic) -> Void) async throws -> RunExit {
        let directory = configuration.outputDirectory
        let startedAt = UTCTimestamp.now()
        var created = false
        var manifest: RunManifest?
        var inputPath = configuration.input
        if resume {
            manifest = try RunManifest.load(directory: directory)
            inputPath = manifest!.inputPath
        } else {
            try Self.checkAuditPath(configuration.auditPath)
            created = try RunDirectory.prepareNew(directory)
        }

        // 1. Every row through the offline rules; the input hashed (and standard input spooled) on the way.
        let spoolPath = directory + "/" + RunDirectory.spoolName
        let spool = !resume && inputPath == "-" ? try OutputFile(path: spoolPath) : nil
        var hasher = SHA256()
        var spoolError: (any Error)?
        let preflight: Preflight.Report
        do {
            preflight = try Preflight.scan(
                path: inputPath, format: manifest?.format ?? configuration.format,
                delimiter: manifest?.delimiter ?? configuration.delimiter, defaultAction: configuration.defaultAction,
                observe: { bytes in
                    hasher.update(bufferPointer: bytes)
                    do { try spool?.append(bytes) } catch { spoolError = error }
                },
                report: report
            )
            try spool?.close()
            if let spoolError { throw spoolError }
        } catch {
            RunDirectory.removeIfCreated(directory, created: created)
            throw error
        }
        let fingerprint = InputFingerprint(size: preflight.inputBytes, sha256: hasher.finalize().hexString)
        if let manifest {
            try manifest.verifySameInput(fingerprint)
        }
        if preflight.errors > 0, !configuration.skipInvalid {
            RunDirectory.removeIfCreated(directory, created: created)
            return .invalidInput
        }
        try checkCredentials(for: preflight)

        // 2. The run directory's manifest: what ran, on what, with which settings (never a credential).
        let executionPath = spool != nil ? RunManifest.absolutePath(spoolPath) : inputPath
        let runManifest =
            manifest
            ?? RunManifest(
                runID: RunID.make(), toolVersion: toolVersion, inputPath: RunManifest.absolutePath(executionPath),
                input: fingerprint, format: preflight.format, delimiter: preflight.delimiter,
                settings: settings(originalInput: configuration.input), createdAt: startedAt
            )
        if manifest == nil { try runManifest.write(directory: directory, secrets: credentials.secretValues) }

        // 3. Send.
        let flow = FlowControl(
            .init(rate: configuration.rate, burst: configuration.burst, concurrency: configuration.concurrency)
        )
        let journal = resume ? try RunJournal.load(directory: directory) : nil
        let outputs = try RunOutputs(
            directory: directory, format: preflight.format, header: preflight.header, delimiter: preflight.delimiter,
            checkpointEvery: configuration.chunkSize, resuming: journal
        )
        let progress = ProgressReporter(
            total: preflight.rows, alreadyDone: outputs.emittedRows,
            style: .automatic(quiet: configuration.quiet, interval: configuration.progressInterval)
        )
        let clientConfiguration = InvoiceClientConfiguration(
            zuoraBaseURL: target.zuoraURL ?? "", appZenBaseURL: target.appzenURL ?? "https://api.appzen.com",
            runID: runManifest.runID, entityIDs: configuration.entityIDs, orgIDs: configuration.orgIDs,
            zuoraVersion: configuration.zuoraVersion, gzipRequests: configuration.gzipRequests,
            timeout: configuration.timeout, maxAttempts: configuration.maxAttempts,
            backoff: ExponentialBackoff(base: configuration.backoffBase, cap: configuration.backoffCap)
        )
        let httpConfiguration = HTTPClient.Configuration.invoiceBatch(
            concurrency: configuration.concurrency, timeout: configuration.timeout
        )
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        let audit: AuditTrail?
        do {
            audit = try configuration.auditPath.map { path throws(OutputError) in
                try AuditTrail.open(
                    base: path, resuming: resume, manifest: runManifest, fingerprint: fingerprint, target: target,
                    segmentStartedAt: startedAt
                )
            }
        } catch {
            try? outputs.close()
            throw error
        }
        if let audit { outputs.afterCheckpoint = { () throws(OutputError) in try audit.flush() } }
        let observers = [observer, audit].compactMap { $0 }
        let client = InvoiceClient(
            httpClient: httpClient, configuration: clientConfiguration, credentials: credentials, pacer: flow,
            observer: observers.count > 1 ? ExchangeObservers(observers: observers) : observers.first
        )
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                progress.tick()
            }
        }
        let dispatch: OrderedDispatcher<CheckedRow, RowEnd>.Report
        do {
            let resolved = try await resolveNumbers(
                preflight, path: executionPath, client: client, flow: flow, interrupts: interrupts
            )
            dispatch = try await execute(
                path: executionPath, preflight: preflight, resolved: resolved, client: client, flow: flow,
                outputs: outputs, progress: progress, interrupts: interrupts
            )
        } catch {
            ticker.cancel()
            try? outputs.close()
            try? await httpClient.shutdown()
            try? audit?.close(
                counts: outputs.counts, exitCode: RunExit.aborted.rawValue, tooManyRequests: flow.statistics.tooManyRequests,
                error: "the run stopped: \(error)"
            )
            throw error
        }
        ticker.cancel()
        progress.finish()
        outputs.add(counter: "tokenRequests", await client.tokenRequestCount())
        outputs.add(counter: "pauses", flow.statistics.pauses)
        // Every 429 the run met, including those of key look-ups and read-backs (rows count only their own).
        outputs.add(counter: "tooManyRequestsAll", flow.statistics.tooManyRequests)
        try outputs.close()
        try await httpClient.shutdown()

        // 4. The summary.
        let counts = outputs.counts
        // A stop that came after the last row was sent changes nothing: the run is complete.
        let stopped = !dispatch.completed && outputs.emittedRows < preflight.rows
        let allSucceeded = counts.outcomes[.succeeded, default: 0] == counts.rows && counts.rows == preflight.rows
        let exit: RunExit = stopped ? .aborted : allSucceeded ? .succeeded : .someRowsDidNotSucceed
        var files = [("results", outputs.resultsPath), ("failures", outputs.failuresPath)]
        if let audit { files.append(("audit", audit.path)) }
        files.append(("directory", directory))
        let summary = RunSummary(
            counts: counts, runID: runManifest.runID, inputPath: configuration.input == "-" ? "-" : inputPath,
            inputSHA256: fingerprint.sha256, target: target, startedAt: runManifest.createdAt,
            endedAt: UTCTimestamp.now(), exitCode: exit.rawValue, files: files
        )
        try summary.write(directory: directory)
        try audit?.close(counts: counts, exitCode: exit.rawValue, tooManyRequests: summary.tooManyRequests)
        if !configuration.quiet || exit != .succeeded {
            StandardError.write(summary.text())
        }
        if stopped {
            StandardError.write(
                "invoicebatch: stopped after \(outputs.emittedRows) of \(preflight.rows) rows; finish with "
                    + "`invoicebatch run --resume \(directory)`\n"
            )
        }
        return exit
    }

    /// The run's settings as the manifest records them (and `--resume` restores them).
    private func settings(originalInput: String) -> JSONObject {
        var settings = JSONObject()
        settings["input"] = .string(originalInput)
        settings["concurrency"] = .number(String(configuration.concurrency))
        settings["rate"] = configuration.rate.map { .number(String($0)) } ?? .null
        settings["burst"] = configuration.burst.map { .number(String($0)) } ?? .null
        settings["chunkSize"] = .number(String(configuration.chunkSize))
        settings["maxAttempts"] = .number(String(configuration.maxAttempts))
        settings["timeoutSeconds"] = .number(String(configuration.timeout.components.seconds))
        settings["onFailure"] = .string(configuration.onFailure.rawValue)
        settings["skipInvalid"] = .bool(configuration.skipInvalid)
        settings["gzipRequests"] = .bool(configuration.gzipRequests)
        settings["action"] = configuration.defaultAction.map { .string($0.rawValue) } ?? .null
        settings["target"] = .string(target.name)
        settings["zuoraUrl"] = target.zuoraURL.map(JSONValue.string) ?? .null
        settings["appzenUrl"] = target.appzenURL.map(JSONValue.string) ?? .null
        settings["entityIds"] = configuration.entityIDs.map(JSONValue.string) ?? .null
        settings["orgIds"] = configuration.orgIDs.map(JSONValue.string) ?? .null
        settings["zuoraVersion"] = configuration.zuoraVersion.map(JSONValue.string) ?? .null
        settings["auditXml"] = configuration.auditPath.map { .string(RunManifest.absolutePath($0)) } ?? .null
        return settings
    }

    /// Refuses to start when the file has rows for a provider whose credentials are missing.
    private func checkCredentials(for preflight: Preflight.Report) throws {
        let zuoraRows = preflight.actions.filter { $0.key.provider == .zuora }.values.reduce(0, +)
        let appZenRows = preflight.actions[.appzenSync, default: 0]
        if zuoraRows > 0, credentials.zuora == nil {
            throw RunError(
                "\(zuoraRows) rows go to Zuora but no Zuora credentials are set: export ZUORA_CLIENT_ID and "
                    + "ZUORA_CLIENT_SECRET (or ZUORA_BEARER_TOKEN), or pass --credentials-file; nothing was sent"
            )
        }
        if appZenRows > 0, credentials.appZen == nil {
            throw RunError(
                "\(appZenRows) rows go to AppZen but no AppZen credentials are set: export APPZEN_API_KEY, "
                    + "APPZEN_CUSTOMER_ID and APPZEN_CUSTOMER_KEY, or pass --credentials-file; nothing was sent"
            )
        }
    }
}

/// How a row's result reaches the outputs.
struct RowEnd: Sendable {
    enum Disposition: Sendable {
        /// Finished in this process: journal it, then write it.
        case new
        /// Finished before a resume, held by the journal: write it, do not journal it again.
        case replay
        /// Already in the results file before a resume: only its outcome matters (for skipping).
        case prior
        /// Cut short by an abort: not final, so neither journaled nor written; a resume sends it again.
        case unfinished
    }

    var result: RowResult
    var disposition: Disposition
}

extension SHA256.Digest {
    /// Lowercase hexadecimal.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
