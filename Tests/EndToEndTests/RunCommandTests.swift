import Foundation
import Testing

/// `invoicebatch run` as a user runs it: the README's main command on the embedded sandbox, `--dry-run`, and a
/// file with invalid rows — the built binary, its exit status, what it prints and the run directory it leaves.
extension EndToEnd {
    @Suite struct RunCommandTests {
        @Test func monthlyCorrectionsSucceedOnTheEmbeddedSandbox() throws {
            let directory = try Binary.temporaryDirectory()
            let out = directory.appendingPathComponent("m.run")
            let result = try Binary.run(
                ["run", "samples/monthly-corrections.csv", "--out", out.path], directory: Binary.repositoryRoot)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: true)
            #expect(
                lines.first?.contains("embedded sandbox at http://127.0.0.1:") == true, "first line: \(lines.first ?? "")")
            #expect(lines.first?.contains("nothing leaves this machine") == true)
            #expect(lines.last?.contains("embedded sandbox") == true, "last line: \(lines.last ?? "")")
            #expect(lines.last?.contains("nothing left this machine") == true)
            #expect(result.stdout.isEmpty)

            let files = RunDirectoryFiles(out)
            let results = try files.results
            #expect(results.header == RunDirectoryFiles.resultsColumns)
            #expect(results.rows.count == 64)
            #expect(results.column("row") == (1...64).map(String.init))
            #expect(results.column("sourceRow") == (1...64).map(String.init))
            #expect(
                Set(results.column("outcome")) == ["succeeded"],
                "\(zip(results.column("row"), results.column("errorMessage")).filter { !$0.1.isEmpty })")
            #expect(results.cell(0, "rowId") == "CORR-2611-001")
            // Row 2 holds a comment over two physical lines, so row 3 starts on line 5 (line 1 is the header).
            #expect(results.cell(2, "line") == "5")
            let failures = try String(contentsOf: files.file("failures.csv"), encoding: .utf8)
            #expect(failures.split(separator: "\n").count == 1)
            #expect(failures.hasSuffix("#sourceRow,#outcome,#errorCode,#errorMessage\n"))
            let summary = try files.summary
            #expect(summary.exitCode == 0)
            #expect(summary.rows == 64)
            #expect(summary.outcomes["succeeded"] == 64)
            #expect(FileManager.default.fileExists(atPath: files.file("run.json").path))
            #expect(FileManager.default.fileExists(atPath: files.file("journal.jsonl").path))
        }

        @Test func erpExportSucceedsOnTheEmbeddedSandboxWithJSONLResults() throws {
            let directory = try Binary.temporaryDirectory()
            let out = directory.appendingPathComponent("e.run")
            let result = try Binary.run(
                ["run", "samples/erp-export.jsonl", "--out", out.path], directory: Binary.repositoryRoot)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.first?.contains("nothing leaves this machine") == true)
            #expect(lines.last?.contains("nothing left this machine") == true)

            let files = RunDirectoryFiles(out)
            let input = try String(contentsOfFile: Binary.sample("erp-export.jsonl"), encoding: .utf8)
            let rowIDs = input.split(separator: "\n").compactMap { line -> String? in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    return nil
                }
                return object["rowId"] as? String
            }
            let results = try files.jsonLines("results.jsonl")
            #expect(results.count == rowIDs.count)
            #expect(results.map { integer($0["row"]) } == (1...rowIDs.count).map { $0 })
            #expect(results.map { $0["rowId"] as? String } == rowIDs)
            #expect(
                results.allSatisfy { $0["outcome"] as? String == "succeeded" },
                "\(results.filter { $0["outcome"] as? String != "succeeded" })")
            #expect(!FileManager.default.fileExists(atPath: files.file("results.csv").path))
            let failures = try String(contentsOf: files.file("failures.jsonl"), encoding: .utf8)
            #expect(failures.isEmpty)
            let summary = try files.summary
            #expect(summary.rows == rowIDs.count)
            #expect(summary.outcomes["succeeded"] == rowIDs.count)
        }

        @Test func dryRunPrintsRequestsAndSendsNothing() throws {
            let sandbox = try SandboxProcess()
            defer { sandbox.stop() }
            let directory = try Binary.temporaryDirectory()
            let input = directory.appendingPathComponent("corrections.csv")
            try FileManager.default.copyItem(atPath: Binary.sample("monthly-corrections.csv"), toPath: input.path)

            let result = try Binary.run(
                ["run", input.path, "--dry-run"] + sandbox.targetArguments, environment: sandbox.credentials,
                directory: directory
            )
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("# row 1 (line 2), rowId CORR-2611-001\nPUT /v1/invoices/INV-00000001\n{"))
            #expect(result.stdout.contains(#""dueDate":"2026-03-15""#))
            #expect(result.stdout.contains(#""comments":"Payment terms extended to Net 60 per AR call""#))
            #expect(result.stdout.contains("PUT /v1/invoices/INV-00000001/e-invoice/sync-status"))
            #expect(
                result.stdout.contains(
                    "POST /dictionary-data-services/invoice/0b8c5546-48cc-47d3-ba90-fd6260eb93f0/status-sync"))
            #expect(result.stdout.components(separatedBy: "\n# row ").count == 64, "one block per row")
            #expect(!result.stdout.contains("#analyst"), "note columns are never sent")
            #expect(result.stderr.contains("dry run: 64 rows, 64 valid; nothing sent"))

            let stats = try sandbox.stats()
            #expect(stats.v1Requests == 0)
            #expect(stats.appZenRequests == 0)
            #expect(stats.tokenRequests == 0)
            #expect(stats.appliedChanges == 0)
            // No run directory: neither the default one beside the input nor anything else.
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["corrections.csv"])
        }

        @Test func invalidRowsRefuseTheFileAndSendNothing() throws {
            let sandbox = try SandboxProcess()
            defer { sandbox.stop() }
            let directory = try Binary.temporaryDirectory()
            let out = directory.appendingPathComponent("bad.run")

            let refused = try Binary.run(
                ["run", "samples/bad-corrections.csv", "--out", out.path] + sandbox.targetArguments,
                environment: sandbox.credentials, directory: Binary.repositoryRoot
            )
            #expect(refused.status == 2)
            #expect(
                refused.stderr.contains(
                    "samples/bad-corrections.csv:14: error: row 12, column 'dueDate': '12/01/2026' is not yyyy-MM-dd"))
            #expect(refused.stderr.contains("nothing was sent"))
            #expect(refused.stderr.contains("--skip-invalid"))
            expectAbsent(out, "after a refused run")
            let before = try sandbox.stats()
            #expect(before.v1Requests == 0)
            #expect(before.appZenRequests == 0)
            #expect(before.tokenRequests == 0)
        }

        @Test func skipInvalidRunsTheValidRowsAndReportsTheRest() throws {
            let sandbox = try SandboxProcess()
            defer { sandbox.stop() }
            let directory = try Binary.temporaryDirectory()
            let out = directory.appendingPathComponent("bad.run")

            let result = try Binary.run(
                ["run", "samples/bad-corrections.csv", "--skip-invalid", "--out", out.path] + sandbox.targetArguments,
                environment: sandbox.credentials, directory: Binary.repositoryRoot
            )
            #expect(result.status == 1, "\(result.stderr)")
            let files = RunDirectoryFiles(out)
            let results = try files.results
            #expect(results.column("row") == (1...28).map(String.init))
            let outcomes = Dictionary(uniqueKeysWithValues: zip(results.column("rowId"), results.column("outcome")))
            // BAD-11 (reason 1 → 01) and BAD-27 (a trimmed date) are valid with a warning: they are sent. The tenant
            // refuses BAD-11 (INV-00000011's e-invoice is RetrieveTimeOut, which cannot be canceled) with its own code.
            #expect(outcomes["BAD-27"] == "succeeded", "\(results.rows[26])")
            #expect(outcomes["BAD-11"] == "failed", "\(results.rows[10])")
            #expect(results.cell(10, "errorCode").wholeMatch(of: /[0-9]{8}/) != nil, "\(results.rows[10])")
            #expect(results.cell(10, "errorMessage").contains("RetrieveTimeOut"))
            #expect(outcomes.filter { $0.value == "invalid" }.count == 26)
            #expect(results.cell(11, "errorCode") == "date-format")
            #expect(results.cell(11, "errorMessage").contains("'12/01/2026' is not yyyy-MM-dd"))
            #expect(results.cell(0, "errorCode") == "date-exclusive")
            #expect(results.cell(21, "errorCode") == "unknown-action")
            #expect(
                results.column("httpStatus").enumerated().allSatisfy { index, status in
                    [10, 26].contains(index) ? status == "200" : status.isEmpty
                })

            let failures = try files.failures
            #expect(failures.rows.count == 27)
            #expect(failures.column("#outcome").filter { $0 == "invalid" }.count == 26)
            #expect(failures.column("#sourceRow") == (1...28).filter { $0 != 27 }.map(String.init))
            #expect(failures.cell(10, "#outcome") == "failed")
            #expect(failures.cell(11, "#errorCode") == "date-format")

            // Exactly the two valid rows reached the sandbox, and they changed what they asked for.
            let stats = try sandbox.stats()
            #expect(stats.requests["PUT /v1/invoices/{invoiceKey}/e-invoice/cancel"] == ["200": 1])
            #expect(stats.requests["PUT /v1/invoices/{invoiceKey}"] == ["200": 1])
            #expect(stats.v1Requests == 2)
            #expect(stats.appZenRequests == 0)
            #expect(stats.appliedChanges == 1)
            #expect(stats.invoices["INV-00000027"]?.changes.first?.fields == ["dueDate": .string("2026-12-20")])
            #expect(try sandbox.invoice("INV-00000027").dueDate == "2026-12-20")
        }

        /// A run refused before anything is sent, and why: the usage error's exit status 2 and a message that says
        /// what to do.
        struct Refusal: Sendable, CustomStringConvertible {
            let description: String
            let arguments: [String]
            let environment: [String: String]
            let message: String
            /// Makes the refused run's `--out` hold a run already.
            var outHoldsARun = false
        }

        static let refusals = [
            Refusal(
                description: "missing input", arguments: ["no-such-file.csv"], environment: [:],
                message: "'no-such-file.csv' does not exist"),
            Refusal(
                description: "run directory in use", arguments: ["samples/monthly-corrections.csv"], environment: [:],
                message: "already holds a run", outHoldsARun: true
            ),
            Refusal(
                description: "credentials without a target", arguments: ["samples/monthly-corrections.csv"],
                environment: ["ZUORA_CLIENT_ID": "someone", "ZUORA_CLIENT_SECRET": "something"], message: "--zuora-url"
            ),
            Refusal(
                description: "incomplete credentials", arguments: ["samples/monthly-corrections.csv"],
                environment: ["ZUORA_CLIENT_ID": "someone"], message: "ZUORA_CLIENT_SECRET is not"
            ),
        ]

        // Regression guard (this was once a bug): every one of these exits 1 ("some rows failed"), printed as ArgumentParser's
        // "Error: …". RunCommandFailure (Sources/invoicebatch/RunSettings.swift) says "exit status 2" but is thrown out
        // of RunCommand.run as a plain error, which ArgumentParser maps to exit 1; DESIGN.md: 2 = usage error or
        // invalid input (nothing sent). The same happens for `--resume` of a changed input (RunInterruptTests).
        @Test(arguments: refusals) func refusedRunsExit2AndSendNothing(_ refusal: Refusal) throws {
            let directory = try Binary.temporaryDirectory()
            let out = directory.appendingPathComponent("r.run")
            if refusal.outHoldsARun {
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                try Data("{}".utf8).write(to: out.appendingPathComponent("run.json"))
            }
            let result = try Binary.run(
                ["run"] + refusal.arguments + ["--out", out.path], environment: refusal.environment,
                directory: Binary.repositoryRoot
            )
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains(refusal.message), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            if refusal.outHoldsARun {
                #expect(
                    try FileManager.default.contentsOfDirectory(atPath: out.path) == ["run.json"],
                    "the earlier run is untouched")
            } else {
                expectAbsent(out)
            }
        }
    }
}
