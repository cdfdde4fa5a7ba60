import Foundation
import InvoiceAPI
import InvoiceBatch
import InvoiceSandbox
import Logging
import Testing

/// `run` against a sandbox that misbehaves the ways a tenant does — 503s, dropped connections before and after
/// applying, lock contention, 429 storms at a concurrency limit of 4, tokens that expire every 3 seconds — over
/// the real HTTP stack on loopback: every row still ends with exactly one result line, in input order, and the
/// tenant ends up holding what the file asked for.
@Suite(.serialized) struct BatchRunFaultTests {
    static func logger() -> Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    /// ~300 rows over the five actions, several per invoice, every one valid for the seed.
    static func makeBatch(sandbox: RunningSandbox, directory: URL) throws -> (path: String, lastUpdate: [String: (due: String, comment: String)], rows: Int) {
        var lines = ["action,invoiceKey,dueDate,comments,TransferredToAccounting,uuid,appzen_invoice_state,invoice_status,rowId"]
        var lastUpdate: [String: (due: String, comment: String)] = [:]
        var row = 0
        func add(_ cells: [String]) {
            row += 1
            lines.append((cells + ["R\(row)"]).joined(separator: ","))
        }
        for round in 0..<4 {
            for number in 1...60 where number % 5 != 0 || round == 0 {
                let key = String(format: "INV-%08d", number)
                let due = String(format: "2026-%02d-%02d", 3 + round, 1 + number % 28)
                let comment = "round \(round) for \(number)"
                add(["update", key, due, comment, "", "", "", ""])
                lastUpdate[key] = (due, comment)
            }
            if round == 1 {
                for number in stride(from: 1, through: 60, by: 7) where number % 4 != 2 {
                    add(["object-update", String(format: "INV-%08d", number), "", "", "Yes", "", "", ""])
                }
                for number in [1, 3, 5, 7, 11, 13] {
                    add(["einvoice-sync", String(format: "INV-%08d", number), "", "", "", "", "", ""])
                }
                for number in [2, 4, 8, 16] {
                    let invoice = try #require(sandbox.store.invoice(String(format: "INV-%08d", number)))
                    add(["appzen-sync", invoice.number, "", "", "", invoice.appZenUUID, "CREATED", "Posted"])
                }
            }
        }
        let path = directory.appendingPathComponent("faults.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (path, lastUpdate, row)
    }

    @Test func everyRowEndsOnceInOrderAndTheTenantHoldsWhatWasAsked() async throws {
        let configuration = SandboxConfiguration(
            tokenTTL: .seconds(3), concurrencyLimit: 4, latency: .milliseconds(40), jitter: .milliseconds(20),
            failRate: 0.05, resetRate: 0.02, resetPhase: .both, lockRate: 0.02, einvoiceSyncDelay: .milliseconds(10)
        )
        try await Sandbox.withRunning(configuration, logger: Self.logger()) { sandbox in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("faults-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let batch = try Self.makeBatch(sandbox: sandbox, directory: directory)
            let out = directory.appendingPathComponent("faults.run").path
            let credentials = ClientCredentials(
                zuora: .clientCredentials(clientID: sandbox.credentials.clientID, clientSecret: sandbox.credentials.clientSecret),
                appZen: .init(
                    apiKey: sandbox.credentials.appZenAPIKey, customerID: sandbox.credentials.appZenCustomerID,
                    customerKey: sandbox.credentials.appZenCustomerKey
                )
            )
            let run = BatchRun(
                configuration: RunConfiguration(
                    input: batch.path, outputDirectory: out, concurrency: 8, chunkSize: 25, maxAttempts: 10,
                    backoffBase: .milliseconds(5), backoffCap: .milliseconds(200), timeout: .seconds(10), quiet: true
                ),
                target: RunTarget(name: "test sandbox", zuoraURL: sandbox.baseURL, appzenURL: sandbox.baseURL),
                credentials: credentials
            )
            let exit = try await run.run(interrupts: InterruptMonitor(), report: { _ in })

            // Exactly one result line per input row, in input order.
            let reader = try RecordReader(path: out + "/results.csv")
            var rows: [Int] = []
            var outcomes: [String: Int] = [:]
            var retried = 0
            while let record = try reader.next() {
                guard case .cells(let cells) = record.content else { Issue.record("unreadable result line"); continue }
                rows.append(Int(cells[0]) ?? -1)
                outcomes[cells[6], default: 0] += 1
                if (Int(cells[10]) ?? 0) > 1 { retried += 1 }
            }
            #expect(rows == Array(1...batch.rows))
            #expect(outcomes["succeeded"] == batch.rows, "\(outcomes)")
            #expect(exit == .succeeded)
            #expect(retried > 0, "the faults never made a row retry")

            // The faults really happened, and per-invoice order held (no overlapping change to one invoice).
            let stats = sandbox.statistics
            #expect(stats.faults(.serverError) > 0 && stats.faults(.resetAfterChange) + stats.faults(.resetBeforeChange) > 0)
            #expect(stats.tooManyRequests > 0)
            #expect(stats.overlappingChanges == 0)
            #expect(stats.tokenRequests >= 2 && stats.tokenRequests < 20)

            // The tenant holds the last requested values.
            for (key, expected) in batch.lastUpdate {
                let invoice = try #require(sandbox.store.invoice(key))
                #expect(invoice.dueDate.description == expected.due, "\(key)")
                #expect(invoice.comments == expected.comment, "\(key)")
            }
            // No secret in any file of the run directory.
            for file in try FileManager.default.contentsOfDirectory(atPath: out) {
                let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
                for secret in credentials.secretValues { #expect(!text.contains(secret), "\(file) holds a secret") }
            }
        }
    }

    @Test func aBusinessFailureCarriesTheServersCodeAndSkipsTheInvoicesLaterRows() async throws {
        try await Sandbox.withRunning(SandboxConfiguration(), logger: Self.logger()) { sandbox in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fail-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("batch.csv").path
            try """
            action,invoiceKey,dueDate,comments
            update,INV-00000061,2026-05-01,canceled invoice
            update,INV-00000002,2026-05-02,fine
            update,INV-00000061,2026-05-03,after the failure
            update,INV-00000002,2026-05-04,fine again

            """.write(toFile: path, atomically: true, encoding: .utf8)
            let credentials = ClientCredentials(
                zuora: .clientCredentials(clientID: sandbox.credentials.clientID, clientSecret: sandbox.credentials.clientSecret)
            )
            let run = BatchRun(
                configuration: RunConfiguration(input: path, outputDirectory: path + ".run", quiet: true),
                target: RunTarget(name: "test sandbox", zuoraURL: sandbox.baseURL, appzenURL: sandbox.baseURL),
                credentials: credentials
            )
            let exit = try await run.run(interrupts: InterruptMonitor(), report: { _ in })
            #expect(exit == .someRowsDidNotSucceed)
            let reader = try RecordReader(path: path + ".run/results.csv")
            var lines: [[String]] = []
            while let record = try reader.next() {
                if case .cells(let cells) = record.content { lines.append(cells) }
            }
            #expect(lines.map { $0[6] } == ["failed", "succeeded", "skipped", "succeeded"])
            let code = lines[0][8]
            #expect(code.count == 8 && code.hasSuffix("30"), "expected an 8-digit business-rule code, got \(code)")
            #expect(lines[0][9].contains("Canceled"))
            #expect(lines[2][9].contains("row 1"))
            #expect(sandbox.store.invoice("INV-00000002")?.comments == "fine again")
        }
    }
}
