import ArgumentParser
import Foundation
import InvoiceAPI
import InvoiceBatch
import InvoiceSandbox
import Logging

/// Where `run`'s settings are settled, in one place: flag > the interrupted run's manifest (`--resume`) >
/// default; the target from `--zuora-env`/`--zuora-url`, else the embedded sandbox when no credentials are set.
struct RunSettings {
    let command: RunCommand
    let configuration: RunConfiguration
    let manifest: RunManifest?
    let environment: [String: String]

    init(command: RunCommand) throws {
        self.command = command
        self.environment = ProcessInfo.processInfo.environment
        let manifest = try command.resume.map { directory in
            do { return try RunManifest.load(directory: directory) } catch {
                throw RunCommandFailure("cannot resume \(directory): \(error.localizedDescription)")
            }
        }
        self.manifest = manifest
        let saved = manifest?.settings ?? JSONObject()
        func number(_ key: String) -> Double? {
            if case .number(let text)? = saved[key] { return Double(text) }
            return nil
        }
        let input = command.input ?? saved["input"]?.stringValue ?? manifest?.inputPath ?? "-"
        let delimiter = try command.delimiter.map { try RecordReader.delimiter(named: $0) }
        configuration = RunConfiguration(
            input: input,
            format: command.format,
            delimiter: delimiter,
            defaultAction: command.action ?? saved["action"]?.stringValue.flatMap(InvoiceAction.init(rawValue:)),
            outputDirectory: command.resume ?? command.out,
            concurrency: command.limits.concurrency ?? number("concurrency").map(Int.init) ?? 10,
            rate: command.limits.rate ?? number("rate"),
            burst: command.limits.burst ?? number("burst").map(Int.init),
            chunkSize: command.chunkSize ?? number("chunkSize").map(Int.init) ?? 500,
            maxAttempts: command.limits.maxAttempts ?? number("maxAttempts").map(Int.init) ?? 5,
            timeout: .seconds(command.limits.timeout ?? number("timeoutSeconds").map(Int.init) ?? 60),
            onFailure: command.onFailure ?? saved["onFailure"]?.stringValue.flatMap(RunConfiguration.FailurePolicy.init)
                ?? .skip,
            skipInvalid: command.skipInvalid || saved["skipInvalid"] == .bool(true),
            gzipRequests: command.gzipRequests || saved["gzipRequests"] == .bool(true),
            entityIDs: command.target.entityIds ?? saved["entityIds"]?.stringValue,
            orgIDs: command.target.orgIds ?? saved["orgIds"]?.stringValue,
            zuoraVersion: command.target.zuoraVersion ?? saved["zuoraVersion"]?.stringValue,
            auditPath: command.auditXml ?? saved["auditXml"]?.stringValue,
            quiet: command.quiet
        )
    }

    /// Runs (or dry-runs) the batch and returns the exit status.
    func execute() async throws -> RunExit {
        let file = configuration.input
        let printer = DiagnosticPrinter(file: file)
        if command.dryRun {
            let result = try DryRun.run(configuration, report: printer.print) { print($0) }
            printer.finish()
            StandardError.write(
                "\(file): dry run: \(result.rows) rows, \(result.valid) valid; nothing sent\n"
            )
            return result.exit
        }
        let credentials: ClientCredentials
        do {
            credentials = try ClientCredentials.load(environment: environment, file: command.target.credentialsFile)
        } catch {
            throw RunCommandFailure(error.localizedDescription)
        }
        let remote = try remoteTarget(credentials: credentials)
        guard let remote else {
            return try await runOnEmbeddedSandbox()
        }
        return try await run(target: remote, credentials: credentials, sandboxNote: nil)
    }

    /// The real tenant named by flags (or by the resumed run), or `nil` for the embedded sandbox.
    private func remoteTarget(credentials: ClientCredentials) throws -> RunTarget? {
        let appzen = command.target.appzenURL ?? "https://api.appzen.com"
        if let flagged = command.target.flaggedTarget { return flagged }
        if let saved = manifest?.settings, let name = saved["target"]?.stringValue, name != Self.sandboxName,
            let url = saved["zuoraUrl"]?.stringValue
        {
            return RunTarget(name: name, zuoraURL: url, appzenURL: command.target.appzenURL ?? saved["appzenUrl"]?.stringValue ?? appzen)
        }
        if manifest?.settings["target"]?.stringValue == Self.sandboxName { return nil }
        if credentials.zuora != nil || credentials.appZen != nil {
            throw RunCommandFailure(
                "credentials are set but no target is: pass --zuora-env (\(ZuoraEnvironment.allCases.map(\.rawValue).joined(separator: ", "))) "
                    + "or --zuora-url; unset the credentials to try the embedded sandbox"
            )
        }
        return nil
    }

    static let sandboxName = RunTarget.embeddedSandboxName

    /// Starts the simulator in this process on a loopback port and runs against it, saying so first and last.
    private func runOnEmbeddedSandbox() async throws -> RunExit {
        var logger = Logger(label: "invoicebatch.sandbox")
        logger.logLevel = .error
        let sandbox = try await Sandbox.start(SandboxConfiguration(), logger: logger)
        let note = "invoicebatch: no target given — running against the embedded sandbox at \(sandbox.baseURL); "
            + "nothing leaves this machine"
        StandardError.write(note + "\n")
        let defaults = sandbox.credentials
        let credentials = ClientCredentials(
            zuora: .clientCredentials(clientID: defaults.clientID, clientSecret: defaults.clientSecret),
            appZen: .init(apiKey: defaults.appZenAPIKey, customerID: defaults.appZenCustomerID, customerKey: defaults.appZenCustomerKey)
        )
        let target = RunTarget(name: Self.sandboxName, zuoraURL: sandbox.baseURL, appzenURL: sandbox.baseURL)
        do {
            let exit = try await run(target: target, credentials: credentials, sandboxNote: note)
            try await sandbox.shutdown()
            StandardError.write("invoicebatch: ran against the embedded sandbox at \(sandbox.baseURL); nothing left this machine\n")
            return exit
        } catch {
            try? await sandbox.shutdown()
            StandardError.write("invoicebatch: ran against the embedded sandbox; nothing left this machine\n")
            throw error
        }
    }

    private func run(target: RunTarget, credentials: ClientCredentials, sandboxNote: String?) async throws -> RunExit {
        if !configuration.quiet {
            let rate = configuration.rate.map { "\($0)/s" } ?? "no fixed rate"
            StandardError.write(
                "invoicebatch run: \(configuration.input) → \(configuration.outputDirectory); target \(target.name) "
                    + "(\(target.zuoraURL ?? "-")); concurrency \(configuration.concurrency), \(rate), chunk "
                    + "\(configuration.chunkSize), max attempts \(configuration.maxAttempts), on failure "
                    + "\(configuration.onFailure.rawValue)\(command.resume != nil ? ", resuming" : "")\n"
            )
        }
        let batch = BatchRun(
            configuration: configuration, target: target, credentials: credentials, resume: command.resume != nil
        )
        let interrupts = InterruptMonitor()
        let file = configuration.input
        let task = Task {
            let printer = DiagnosticPrinter(file: file)
            defer { printer.finish() }
            return try await batch.run(interrupts: interrupts, report: printer.print)
        }
        interrupts.install(
            onStop: {
                StandardError.write(
                    "\ninvoicebatch: stopping — finishing the requests in flight (Ctrl-C again to abort them)\n"
                )
            },
            onAbort: {
                StandardError.write("\ninvoicebatch: aborting the requests in flight\n")
                task.cancel()
            }
        )
        defer { interrupts.uninstall() }
        do {
            let exit = try await task.value
            if exit == .invalidInput {
                StandardError.write(
                    "\(configuration.input): invalid rows: nothing was sent (fix them, or pass --skip-invalid "
                        + "to run the valid rows)\n"
                )
            }
            return exit
        } catch let error as RunError {
            throw RunCommandFailure(error.message)
        } catch {
            throw RunCommandFailure(error.localizedDescription)
        }
    }
}

/// A run that could not start or go on: printed as `invoicebatch: error: …`, exit status 2.
struct RunCommandFailure: Error, LocalizedError {
    let message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
