import Foundation
import Testing

/// `reconcile` end to end: real runs of the built binary against a sandbox on loopback, their run directories, and
/// the reconciliation they add up to.
extension EndToEnd {
    @Suite struct ReconcileCommandTests {
        static let sample = Binary.sample("monthly-corrections.csv")

        /// A first run with faults and one attempt, then a run of its failures file: every source row ends
        /// `succeeded`, and exactly the rows of the failures file were touched by two runs.
        @Test func faultyRunAndItsFailuresRerunReconcileToEverythingSucceeded() throws {
            let sandbox = try SandboxProcess(["--fail-rate", "0.25"])
            defer { sandbox.stop() }
            let directory = try Binary.temporaryDirectory()
            let first = directory.appendingPathComponent("g0.run")
            let second = directory.appendingPathComponent("g1.run")
            let run1 = try Binary.run(
                ["run", Self.sample, "--out", first.path, "--max-attempts", "1", "--quiet"] + sandbox.targetArguments,
                environment: sandbox.credentials)
            #expect(run1.status == 1, "\(run1.stderr)")
            let retried = Set(try RunDirectoryFiles(first).failures.column("#sourceRow").compactMap(Int.init))
            #expect(!retried.isEmpty)

            // The first run alone: the rows of its failures file are what did not succeed.
            let partialOut = directory.appendingPathComponent("partial")
            let partial = try Binary.run(["reconcile", Self.sample, first.path, "--out", partialOut.path])
            #expect(partial.status == 1, "\(partial.stderr)")
            let partialLines = try ReconciliationFiles(partialOut).lines()
            #expect(Set(partialLines.filter { $0.value["outcome"] != "succeeded" }.keys) == retried)

            let run2 = try Binary.run(
                ["run", first.appendingPathComponent("failures.csv").path, "--out", second.path, "--max-attempts", "30",
                 "--quiet"] + sandbox.targetArguments,
                environment: sandbox.credentials)
            #expect(run2.status == 0, "\(run2.stderr)")

            let out = directory.appendingPathComponent("audit")
            let reconcile = try Binary.run(
                ["reconcile", Self.sample, first.path, second.appendingPathComponent("results.csv").path, "--out", out.path])
            #expect(reconcile.status == 0, "\(reconcile.stderr)")
            #expect(reconcile.stderr.contains("every row succeeded"))
            let files = ReconciliationFiles(out)
            let table = try files.csv
            #expect(table.header == ReconciliationFiles.columns)
            #expect(table.column("row") == (1...64).map(String.init), "one line per source row, in input order")
            #expect(Set(table.column("outcome")) == ["succeeded"])
            for (row, line) in try files.lines() {
                #expect(line["runs"] == (retried.contains(row) ? "2" : "1"), "row \(row): \(line)")
                #expect(line["verified"] == "not-checked")
            }
            let json = try files.json
            #expect(integer((json["outcomes"] as? [String: Any])?["succeeded"]) == 64)
            #expect(try files.conflicts.isEmpty)
            #expect(integer((json["rowsByRuns"] as? [String: Any])?["2"]) == retried.count)
            #expect(FileManager.default.fileExists(atPath: files.html.path))
        }

        /// A results file with lines taken out gives exactly those rows `missing`; a line repeated, a line for a row
        /// the input lacks, and a line with another `rowId` are conflicts.
        @Test func removedLinesAreMissingAndDuplicatedOrForeignLinesConflict() throws {
            let directory = try Binary.temporaryDirectory()
            let runDirectory = directory.appendingPathComponent("g0.run")
            let run = try Binary.run(["run", Self.sample, "--out", runDirectory.path, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            let results = try RunDirectoryFiles(runDirectory).results
            let sourceRow = results.header.firstIndex(of: "sourceRow")!
            let rowID = results.header.firstIndex(of: "rowId")!

            func reconcile(_ name: String, _ table: CSVTable) throws -> (CommandResult, ReconciliationFiles) {
                let edited = directory.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: edited, withIntermediateDirectories: true)
                try table.write(to: edited.appendingPathComponent("results.csv"))
                let out = directory.appendingPathComponent(name + ".reconcile")
                let result = try Binary.run(["reconcile", Self.sample, edited.path, "--out", out.path])
                return (result, ReconciliationFiles(out))
            }

            var cut = results
            cut.rows.removeAll { ["5", "17", "40"].contains($0[sourceRow]) }
            let (cutResult, cutFiles) = try reconcile("cut", cut)
            #expect(cutResult.status == 1)
            let cutLines = try cutFiles.lines()
            #expect(cutLines.count == 64)
            #expect(Set(cutLines.filter { $0.value["outcome"] == "missing" }.keys) == [5, 17, 40])
            #expect(cutLines.filter { $0.value["outcome"] == "succeeded" }.count == 61)
            #expect(cutLines[5]?["runs"] == "0")
            #expect(try cutFiles.conflicts.isEmpty)

            var duplicated = results
            duplicated.rows.append(results.rows[2])
            let (duplicatedResult, duplicatedFiles) = try reconcile("duplicated", duplicated)
            #expect(duplicatedResult.status == 1)
            let duplicatedLines = try duplicatedFiles.lines()
            #expect(Set(duplicatedLines.filter { $0.value["outcome"] != "succeeded" }.keys) == [3])
            #expect(duplicatedLines[3]?["outcome"] == "conflict")
            #expect(duplicatedLines[3]?["detail"]?.contains("appears twice") == true)
            let duplicateConflicts = try duplicatedFiles.conflicts
            #expect(duplicateConflicts.count == 1)
            #expect(duplicateConflicts.first?["kind"] as? String == "duplicate")
            #expect(integer(duplicateConflicts.first?["sourceRow"]) == 3)

            var foreign = results
            var stranger = results.rows[0]
            stranger[sourceRow] = "99"
            stranger[rowID] = "OTHER-BATCH-1"
            foreign.rows.append(stranger)
            foreign.rows[7][rowID] = "CORR-2611-OTHER"
            let (foreignResult, foreignFiles) = try reconcile("foreign", foreign)
            #expect(foreignResult.status == 1)
            #expect(foreignResult.stderr.contains("source row 99"), "\(foreignResult.stderr)")
            let foreignLines = try foreignFiles.lines()
            #expect(foreignLines.count == 64, "a foreign line adds no row")
            #expect(Set(foreignLines.filter { $0.value["outcome"] != "succeeded" }.keys) == [8])
            #expect(foreignLines[8]?["outcome"] == "conflict")
            let foreignConflicts = try foreignFiles.conflicts
            #expect(foreignConflicts.map { $0["kind"] as? String } == ["foreign", "foreign"])
            #expect(Set(foreignConflicts.compactMap { integer($0["sourceRow"]) }) == [8, 99])
        }

        /// Two runs that both succeeded for one source row: the same request is fine (and counted as two runs),
        /// a different one is a conflict — told apart by rebuilding each run's request from the input its run.json
        /// names.
        @Test func twoSuccessesWithDifferentRequestsConflict() throws {
            let directory = try Binary.temporaryDirectory()
            let input = directory.appendingPathComponent("dates.csv")
            try CSVTable(
                header: ["action", "invoiceKey", "rowId", "dueDate"],
                rows: [
                    ["update", "INV-00000015", "D-1", "2026-07-01"], ["update", "INV-00000016", "D-2", "2026-07-02"],
                    ["update", "INV-00000017", "D-3", "2026-07-03"],
                ]
            ).write(to: input)
            let again = directory.appendingPathComponent("again.csv")
            try CSVTable(
                header: ["action", "invoiceKey", "rowId", "dueDate", "#sourceRow"],
                rows: [["update", "INV-00000016", "D-2", "2026-08-15", "2"], ["update", "INV-00000017", "D-3", "2026-07-03", "3"]]
            ).write(to: again)
            for (file, out) in [(input, "g0.run"), (again, "g1.run")] {
                let run = try Binary.run(["run", file.path, "--out", directory.appendingPathComponent(out).path, "--quiet"])
                #expect(run.status == 0, "\(run.stderr)")
            }
            let out = directory.appendingPathComponent("rc")
            let reconcile = try Binary.run(
                ["reconcile", input.path, directory.appendingPathComponent("g0.run").path,
                 directory.appendingPathComponent("g1.run").path, "--out", out.path])
            #expect(reconcile.status == 1, "\(reconcile.stderr)")
            let lines = try ReconciliationFiles(out).lines()
            #expect(lines[1]?["outcome"] == "succeeded")
            #expect(lines[1]?["runs"] == "1")
            #expect(lines[2]?["outcome"] == "conflict")
            #expect(lines[2]?["detail"]?.contains("2026-08-15") == true, "\(lines[2] ?? [:])")
            #expect(lines[3]?["outcome"] == "succeeded", "the same request twice is no conflict")
            #expect(lines[3]?["runs"] == "2")
            let conflicts = try ReconciliationFiles(out).conflicts
            #expect(conflicts.map { $0["kind"] as? String } == ["different-requests"])
        }

        /// `--verify` reads the invoices back: all match (or cannot be verified, by nature) after a clean run; after
        /// four invoices are changed behind the tool's back, exactly the rows that were the last to set those fields
        /// are `mismatch`, with what was asked and what the tenant holds.
        @Test func verifyFindsExactlyTheFieldsChangedBehindTheToolsBack() throws {
            let sandbox = try SandboxProcess()
            defer { sandbox.stop() }
            let directory = try Binary.temporaryDirectory()
            let runDirectory = directory.appendingPathComponent("g0.run")
            let run = try Binary.run(
                ["run", Self.sample, "--out", runDirectory.path, "--quiet"] + sandbox.targetArguments,
                environment: sandbox.credentials)
            #expect(run.status == 0, "\(run.stderr)")

            // The target comes from the run's run.json.
            let cleanOut = directory.appendingPathComponent("clean")
            let clean = try Binary.run(
                ["reconcile", Self.sample, runDirectory.path, "--verify", "--out", cleanOut.path],
                environment: sandbox.credentials)
            #expect(clean.status == 0, "\(clean.stderr)")
            #expect(clean.stderr.contains(sandbox.baseURL))
            let cleanLines = try ReconciliationFiles(cleanOut).lines()
            #expect(cleanLines.values.filter { $0["verified"] == "mismatch" }.isEmpty)
            for (row, line) in cleanLines where ["einvoice-sync", "appzen-sync"].contains(line["action"]) {
                #expect(line["verified"] == "unverifiable", "row \(row)")
            }
            #expect(cleanLines[1]?["verified"] == "match")
            #expect(cleanLines[1]?["detail"]?.contains("verified dueDate") == true, "comments: row 64 set it last")
            #expect(cleanLines[61]?["verified"] == "match", "Status Canceled")
            #expect(cleanLines[16]?["verified"] == "match", "einvoice-cancel")

            try sandbox.modify("INV-00000005", #"{"IntegrationStatus__NS":"Failed"}"#)
            try sandbox.modify("INV-00000015", #"{"dueDate":"2026-06-30"}"#)
            try sandbox.modify("INV-00000040", #"{"status":"Draft"}"#)
            try sandbox.modify("INV-00000001", #"{"comments":"changed by someone else"}"#)
            try sandbox.modify("INV-00000016", #"{"comments":"a field no row asked for"}"#)

            let out = directory.appendingPathComponent("changed")
            let changed = try Binary.run(
                ["reconcile", Self.sample, runDirectory.path, "--verify", "--out", out.path, "--concurrency", "4"]
                    + sandbox.targetArguments,
                environment: sandbox.credentials)
            #expect(changed.status == 1, "\(changed.stderr)")
            let lines = try ReconciliationFiles(out).lines()
            #expect(Set(lines.filter { $0.value["verified"] == "mismatch" }.keys) == [7, 29, 61, 64])
            #expect(lines[29]?["detail"]?.contains("dueDate: expected 2026-02-28, found 2026-06-30") == true)
            #expect(lines[7]?["detail"]?.contains("IntegrationStatus__NS: expected Synced, found Failed") == true)
            #expect(lines[61]?["detail"]?.contains("status: expected Canceled, found Draft") == true)
            #expect(lines[64]?["detail"]?.contains("found changed by someone else") == true)
            #expect(lines[1]?["verified"] == "match")
            #expect(Set(lines.values.compactMap { $0["outcome"] }) == ["succeeded"])
            let attention = try ReconciliationFiles(out).json["attention"] as? [[String: Any]] ?? []
            let row29 = attention.first { integer($0["row"]) == 29 }
            let mismatch = (row29?["mismatches"] as? [[String: Any]])?.first
            #expect(mismatch?["field"] as? String == "dueDate")
            #expect(mismatch?["expected"] as? String == "2026-02-28")
            #expect(mismatch?["actual"] as? String == "2026-06-30")
        }

        /// The embedded sandbox of a plain `run` is gone when the run ends: `--verify` says so and what to do.
        @Test func verifyRefusesTheEmbeddedSandboxAndUsageErrorsExitTwo() throws {
            let directory = try Binary.temporaryDirectory()
            let runDirectory = directory.appendingPathComponent("g0.run")
            let run = try Binary.run(["run", Self.sample, "--out", runDirectory.path, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            let verify = try Binary.run(
                ["reconcile", Self.sample, runDirectory.path, "--verify", "--out", directory.appendingPathComponent("rc").path])
            #expect(verify.status == 2)
            #expect(verify.stderr.contains("embedded sandbox"), "\(verify.stderr)")
            #expect(verify.stderr.contains("--zuora-url"))

            let noResults = try Binary.run(["reconcile", Self.sample])
            #expect(noResults.status == 2)
            let notThere = try Binary.run(["reconcile", Self.sample, directory.appendingPathComponent("nope").path])
            #expect(notThere.status == 2)
            #expect(notThere.stderr.contains("nope"))
            let notResults = try Binary.run(["reconcile", Self.sample, Self.sample])
            #expect(notResults.status == 2)
            #expect(notResults.stderr.contains("not a results file"), "\(notResults.stderr)")
        }
    }
}
