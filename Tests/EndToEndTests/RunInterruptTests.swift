import Foundation
import Testing

/// Ctrl-C during `invoicebatch run`, then `--resume`: the finished run directory holds every row once, in input
/// order, and the sandbox (a separate process, so its state survives) saw no row twice.
extension EndToEnd {
    @Suite struct RunInterruptTests {
        /// `rows` updates over invoices 1…`invoices`, round robin, each with its own due date and comment, so the
        /// sandbox's log and final state tell which row wrote them.
        static func updates(rows: Int, invoices: Int) -> CSVTable {
            CSVTable(
                header: ["action", "invoiceKey", "rowId", "dueDate", "comments"],
                rows: (1...rows).map { row in
                    [
                        "update", number((row - 1) % invoices + 1), "R\(row)", dueDate(row: row), "row \(row)",
                    ]
                }
            )
        }

        static func number(_ invoice: Int) -> String { String(format: "INV-%08d", invoice) }

        /// 2026-03-01 plus `row` days: a different date for every row.
        static func dueDate(row: Int) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let start = calendar.date(from: DateComponents(year: 2026, month: 3, day: 1))!
            let date = calendar.date(byAdding: .day, value: row, to: start)!
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        }

        /// Polls the sandbox's statistics until `condition` holds (or `timeout` passes).
        static func wait(for sandbox: SandboxProcess, timeout: TimeInterval = 20, until condition: (SandboxStats) -> Bool)
            throws -> Bool
        {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if condition(try sandbox.stats()) { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }

        @Test func ctrlCThenResumeSendsEveryRowExactlyOnce() throws {
            let sandbox = try SandboxProcess(["--latency-ms", "30"])
            defer { sandbox.stop() }
            let directory = try Binary.temporaryDirectory()
            let input = directory.appendingPathComponent("updates.csv")
            let table = Self.updates(rows: 400, invoices: 40)
            try table.write(to: input)
            let out = directory.appendingPathComponent("u.run")

            let running = try BackgroundCommand(
                ["run", input.path, "--out", out.path, "--concurrency", "4", "--chunk-size", "20"]
                    + sandbox.targetArguments,
                environment: sandbox.credentials
            )
            // Ctrl-C part way: once the sandbox has applied some rows (about 1 s in), long before the last.
            #expect(try Self.wait(for: sandbox) { $0.appliedChanges >= 60 })
            running.interrupt()
            let (stopped, _) = running.finish()
            #expect(stopped.status == 3, "\(stopped.stderr)")
            #expect(stopped.stderr.contains("stopping — finishing the requests in flight"))
            #expect(stopped.stderr.contains("invoicebatch run --resume \(out.path)"), "\(stopped.stderr)")
            let partial = try RunDirectoryFiles(out).results
            #expect(partial.rows.count < 400)
            #expect(partial.column("row") == (0..<partial.rows.count).map { String($0 + 1) })
            #expect(try RunDirectoryFiles(out).summary.exitCode == 3)
            let sentBeforeResume = try sandbox.stats().appliedChanges
            #expect(sentBeforeResume >= partial.rows.count)

            // --resume refuses a changed input, and leaves the run directory as it was.
            // Regression guard (this was once a bug): the refusal exits 1, not 2 — see RunCommandTests.refusedRunsExit2AndSendNothing.
            let original = try Data(contentsOf: input)
            try (String(decoding: original, as: UTF8.self) + "update,INV-00000001,R401,2027-01-01,extra\n")
                .write(to: input, atomically: true, encoding: .utf8)
            let refused = try Binary.run(
                ["run", "--resume", out.path] + sandbox.targetArguments, environment: sandbox.credentials)
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("changed since the run started"), "\(refused.stderr)")
            #expect(refused.stderr.contains(input.path))
            try original.write(to: input)
            #expect(try sandbox.stats().appliedChanges == sentBeforeResume, "a refused resume sends nothing")

            let resumed = try Binary.run(
                ["run", "--resume", out.path] + sandbox.targetArguments, environment: sandbox.credentials)
            #expect(resumed.status == 0, "\(resumed.stderr)")

            let files = RunDirectoryFiles(out)
            let results = try files.results
            #expect(results.rows.count == 400)
            #expect(results.column("row") == (1...400).map(String.init))
            #expect(results.column("rowId") == (1...400).map { "R\($0)" })
            #expect(results.column("outcome") == Array(repeating: "succeeded", count: 400))
            #expect(results.column("attempts") == Array(repeating: "1", count: 400))
            #expect(try files.failures.rows.isEmpty)
            let summary = try files.summary
            #expect(summary.exitCode == 0)
            #expect(summary.outcomes["succeeded"] == 400)

            // No row was sent twice: the sandbox applied exactly the file, one change per row, in file order.
            let stats = try sandbox.stats()
            #expect(stats.requests["PUT /v1/invoices/{invoiceKey}"] == ["200": 400], "\(stats.requests)")
            #expect(stats.appliedChanges == 400)
            #expect(stats.overlappingChanges == 0)
            let final = try sandbox.invoices((1...40).map(Self.number))
            for invoice in 1...40 {
                let number = Self.number(invoice)
                let rows = Array(stride(from: invoice, through: 400, by: 40))
                #expect(stats.invoices[number]?.count == rows.count, "\(number)")
                #expect(
                    stats.invoices[number]?.changes.map { $0.fields["comments"]?.string } == rows.map { "row \($0)" },
                    "\(number)")
                let state = try #require(final[number])
                #expect(state.dueDate == Self.dueDate(row: rows.last!), "\(number)")
                #expect(state.comments == "row \(rows.last!)", "\(number)")
            }
        }

        @Test func secondCtrlCAbortsInFlightRequestsAndTheRunStillResumes() throws {
            // Requests take 4 s: a run that only stopped would wait for them; an aborted one does not.
            let sandbox = try SandboxProcess(["--latency-ms", "4000"])
            defer { sandbox.stop() }
            let directory = try Binary.temporaryDirectory()
            let input = directory.appendingPathComponent("slow.csv")
            try Self.updates(rows: 8, invoices: 8).write(to: input)
            let out = directory.appendingPathComponent("s.run")

            let running = try BackgroundCommand(
                ["run", input.path, "--out", out.path, "--concurrency", "8"] + sandbox.targetArguments,
                environment: sandbox.credentials
            )
            // The token has been issued, so the eight requests are on their way and will take 4 s.
            #expect(try Self.wait(for: sandbox) { $0.tokensIssued >= 1 })
            Thread.sleep(forTimeInterval: 0.3)
            running.interrupt()
            // Apart, as a person presses Ctrl-C twice: two SIGINTs sent back to back can reach the process as one
            // (standard signals are not queued while one is pending).
            Thread.sleep(forTimeInterval: 0.1)
            running.interrupt()
            let secondInterrupt = Date()
            let (aborted, exitedAt) = running.finish()
            #expect(aborted.status == 3, "\(aborted.stderr)")
            // The requests still had more than 3 s to go; a loaded machine may take a moment to tear down.
            #expect(exitedAt.timeIntervalSince(secondInterrupt) < 2.5, "the abort waited for the requests in flight")
            #expect(aborted.stderr.contains("aborting the requests in flight"))
            #expect(aborted.stderr.contains("invoicebatch run --resume \(out.path)"), "\(aborted.stderr)")
            #expect(try RunDirectoryFiles(out).results.rows.isEmpty, "no request had an answer: no row is final")

            let resumed = try Binary.run(
                ["run", "--resume", out.path] + sandbox.targetArguments, environment: sandbox.credentials)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let results = try RunDirectoryFiles(out).results
            #expect(results.column("row") == (1...8).map(String.init))
            #expect(results.column("outcome") == Array(repeating: "succeeded", count: 8))
            let final = try sandbox.invoices((1...8).map(Self.number))
            for row in 1...8 {
                #expect(final[Self.number(row)]?.dueDate == Self.dueDate(row: row))
            }
        }

        // Regression guard (this was once a bug): a Ctrl-C whose in-flight requests turn out to be the last rows leaves a complete
        // run (every row has its result) that still reports "aborted", exit 3, and "stopped after 4 of 4 rows; finish
        // with --resume". BatchRun.run (Sources/InvoiceBatch/Run/BatchRun.swift, `let stopped = !dispatch.completed`)
        // should not count a run as stopped when every row was emitted.
        @Test func ctrlCWhileTheLastRowsAreInFlightEndsTheRunNormally() throws {
            let sandbox = try SandboxProcess(["--latency-ms", "1000"])
            defer { sandbox.stop() }
            let directory = try Binary.temporaryDirectory()
            let input = directory.appendingPathComponent("last.csv")
            try Self.updates(rows: 4, invoices: 4).write(to: input)
            let out = directory.appendingPathComponent("l.run")
            let running = try BackgroundCommand(
                ["run", input.path, "--out", out.path, "--concurrency", "4"] + sandbox.targetArguments,
                environment: sandbox.credentials
            )
            #expect(try Self.wait(for: sandbox) { $0.tokensIssued >= 1 })
            Thread.sleep(forTimeInterval: 0.3)
            running.interrupt()
            let (result, _) = running.finish()
            #expect(result.stderr.contains("stopping — finishing the requests in flight"))
            let files = RunDirectoryFiles(out)
            #expect(try files.results.column("outcome") == Array(repeating: "succeeded", count: 4))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try files.summary.exitCode == 0)
            #expect(!result.stderr.contains("--resume"))
        }
    }
}
