import Foundation
import Testing
import XMLTestSupport

/// `run --audit-xml`: one `<exchange>` for every request the tenant saw, faults included; schema-valid whatever the
/// cells hold; no secret; a resumed run adds a segment.
extension EndToEnd {
    @Suite struct RunAuditTests {
        /// The sandbox's request counts by status, over the provider routes (not `/sandbox/…`).
        static func providerRequests(_ stats: SandboxStats) -> [String: Int] {
            var byStatus: [String: Int] = [:]
            for (route, statuses) in stats.requests where !route.contains(" /sandbox/") {
                for (status, count) in statuses { byStatus[status, default: 0] += count }
            }
            return byStatus
        }

        /// The audit's exchanges by the status answered (`reset` for a transport error).
        static func auditRequests(_ exchanges: [XMLNode]) -> [String: Int] {
            var byStatus: [String: Int] = [:]
            for exchange in exchanges {
                let status = exchange.first("response")?.attributes["status"] ?? "reset"
                byStatus[status, default: 0] += 1
            }
            return byStatus
        }

        @Test func oneExchangePerRequestTheSandboxSawUnderFaultsValidAndWithoutSecrets() throws {
            let secret = RunSecretsTests.randomSecret("zuora-secret")
            let apiKey = RunSecretsTests.randomSecret("appzen-key")
            let customerKey = RunSecretsTests.randomSecret("appzen-customer-key")
            let sandbox = try SandboxProcess([
                "--client-secret", secret, "--appzen-api-key", apiKey, "--appzen-customer-key", customerKey,
                "--fail-rate", "0.08", "--reset-rate", "0.05", "--lock-rate", "0.05", "--concurrency-limit", "3",
                "--token-ttl", "2", "--latency-ms", "5", "--einvoice-sync-delay-ms", "600000",
            ])
            defer { sandbox.stop() }
            let directory = try Binary.temporaryDirectory()
            let input = directory.appendingPathComponent("audited.csv")
            // Updates, then both providers' success and error paths (the secrets test's batch, AppZen included).
            var table = try RunSecretsTests.batch(sandbox: sandbox)
            let updates = RunInterruptTests.updates(rows: 100, invoices: 25).rows.map { $0 + ["", "", ""] }
            table.rows = updates + table.rows
            try table.write(to: input)
            // The test's own look-ups above (a token, two reads) are not the run's.
            let before = try sandbox.stats()
            let audit = directory.appendingPathComponent("audit.xml.gz").path
            let out = directory.appendingPathComponent("audited.run")
            let result = try Binary.run(
                ["run", input.path, "--out", out.path, "--audit-xml", audit, "--concurrency", "6", "--max-attempts", "10"]
                    + sandbox.targetArguments,
                environment: sandbox.credentials
            )
            #expect([0, 1].contains(result.status), "\(result.stderr)")
            #expect(result.stderr.contains("audit      \(audit)"), "\(result.stderr)")

            let file = try AuditFile(audit)
            #expect(try file.schemaProblems() == [])
            let lint = try file.xmllint()
            #expect(lint.status == 0, "\(lint.stderr)")

            // Exactly the requests the tenant saw: as many, with the same answers, 503s, 429s and drops included.
            let stats = try sandbox.stats()
            let exchanges = file.exchanges
            let sawDuringRun = Self.providerRequests(stats).merging(Self.providerRequests(before)) { $0 - $1 }
                .filter { $0.value != 0 }
            #expect(Self.auditRequests(exchanges) == sawDuringRun)
            #expect(exchanges.count == sawDuringRun.values.reduce(0, +))
            #expect(stats.faults.values.reduce(0, +) > 0, "the sandbox injected faults: \(stats.faults)")
            #expect(
                exchanges.filter { $0.attributes["kind"] == "token" }.count == stats.tokenRequests - before.tokenRequests)
            #expect(exchanges.map { $0.attributes["seq"] } == (1...exchanges.count).map { String($0) })

            // Each row's attempts are all there: the last attempt's number is the row's `attempts`.
            let results = try RunDirectoryFiles(out).results
            for index in results.rows.indices where results.cell(index, "outcome") != "invalid" {
                let row = results.cell(index, "row")
                let attempts = exchanges.filter { $0.attributes["row"] == row && $0.attributes["kind"] == "row-request" }
                #expect(
                    attempts.compactMap { $0.attributes["attempt"] }.max() == results.cell(index, "attempts"), "row \(row)")
            }
            let summary = try #require(file.summary)
            #expect(summary.attributes["rows"] == String(results.rows.count))
            #expect(summary.attributes["exitCode"] == String(result.status))
            #expect(summary.attributes["exchanges"] == String(exchanges.count))
            let succeeded = results.column("outcome").filter { $0 == "succeeded" }.count
            #expect(summary.all("outcome").first { $0.attributes["name"] == "succeeded" }?.attributes["count"] == String(succeeded))

            // No secret: not the credentials, not a token, in the XML or in any base64 body.
            let text = file.searchableText
            for value in [secret, apiKey, customerKey, sandbox.credentials["ZUORA_CLIENT_ID"] ?? "<none>"] {
                #expect(text.range(of: Data(value.utf8)) == nil, "\(value) in the audit log")
            }
            #expect(text.range(of: Data("Bearer ".utf8)) == nil)
            let headers = exchanges.compactMap { $0.first("request") }.flatMap { $0.all("header") }
            let credentialHeaders = headers.filter { ["authorization", "x-api-key", "customer-key"].contains($0.attributes["name"]?.lowercased() ?? "") }
            #expect(credentialHeaders.count >= exchanges.count - (stats.tokenRequests - before.tokenRequests))
            #expect(credentialHeaders.allSatisfy { $0.contentString == "[REDACTED]" && $0.attributes["redacted"] == "true" })
            for token in exchanges.filter({ $0.attributes["kind"] == "token" }) {
                let body = token.first("request")?.first("body")?.contentString ?? ""
                #expect(body.contains("client_secret=[REDACTED]"), "\(body)")
                if let answer = token.first("response")?.first("body")?.contentString, answer.contains("access_token") {
                    #expect(answer.contains(#""access_token":"[REDACTED]""#), "\(answer)")
                }
            }
        }

        @Test func hostileCellsLeaveTheLogWellFormedSchemaValidAndRecoverable() throws {
            let directory = try Binary.temporaryDirectory()
            let input = directory.appendingPathComponent("hostile.jsonl")
            let comments = [
                "<script>alert('x')</script> & <b>bold</b>",
                "ends a CDATA ]]> and opens one <![CDATA[",
                "bell \u{07} escape \u{1B}[31m red, nul-free",
                "tab\tCR\rLF\nend",
                "\"quoted\" 'single' &amp; &#x41;",
                "請求書 😀 Ünïcödé",
            ]
            var lines: [Data] = []
            for (index, comment) in comments.enumerated() {
                let object: [String: String] = [
                    "action": "update", "invoiceKey": String(format: "INV-%08d", index + 1), "comments": comment,
                ]
                lines.append(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            }
            // Invalid UTF-8 in a string, and a 1 MB comment: checked offline, reported, never sent.
            lines.append(Data(#"{"action":"update","invoiceKey":"INV-00000020","comments":"caf"#.utf8) + Data([0xE9, 0xFF]) + Data(#""}"#.utf8))
            lines.append(Data(#"{"action":"update","invoiceKey":"INV-00000021","comments":""#.utf8) + Data(repeating: UInt8(ascii: "m"), count: 1 << 20) + Data(#""}"#.utf8))
            lines.append(Data(#"{"action":"update","invoiceKey":"INV-00000022","comments":"lone \ud800 surrogate"}"#.utf8))
            try lines.reduce(Data()) { $0 + $1 + Data("\n".utf8) }.write(to: input)

            for name in ["audit.xml", "audit.xml.gz"] {
                let audit = directory.appendingPathComponent(name).path
                let out = directory.appendingPathComponent("\(name).run")
                let result = try Binary.run(["run", input.path, "--out", out.path, "--skip-invalid", "--audit-xml", audit])
                #expect(result.status == 1, "\(result.stderr)")
                let results = try RunDirectoryFiles(out).jsonLines("results.jsonl")
                #expect(results.map { $0["outcome"] as? String } == Array(repeating: "succeeded", count: comments.count) + ["invalid", "invalid", "invalid"])

                let file = try AuditFile(audit)
                #expect(try file.schemaProblems() == [], "\(name)")
                #expect(try file.xmllint().status == 0, "\(name)")
                let rows = file.exchanges.filter { $0.attributes["kind"] == "row-request" }
                #expect(rows.count == comments.count, "only the valid rows were sent")
                for (index, comment) in comments.enumerated() {
                    let exchange = try #require(rows.first { $0.attributes["row"] == String(index + 1) })
                    let body = try #require(exchange.first("request")?.first("body"))
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(body.content)) as? [String: Any])
                    #expect(json["comments"] as? String == comment, "row \(index + 1) in \(name)")
                }
            }
        }

        @Test func aResumedRunWritesTheNextSegmentAndEachIsValidAlone() throws {
            let sandbox = try SandboxProcess(["--latency-ms", "30"])
            defer { sandbox.stop() }
            let directory = try Binary.temporaryDirectory()
            let input = directory.appendingPathComponent("updates.csv")
            try RunInterruptTests.updates(rows: 300, invoices: 30).write(to: input)
            let out = directory.appendingPathComponent("u.run")
            let audit = directory.appendingPathComponent("audit.xml.gz").path

            let running = try BackgroundCommand(
                ["run", input.path, "--out", out.path, "--concurrency", "4", "--chunk-size", "20", "--audit-xml", audit]
                    + sandbox.targetArguments,
                environment: sandbox.credentials
            )
            #expect(try RunInterruptTests.wait(for: sandbox) { $0.appliedChanges >= 40 })
            running.interrupt()
            let (stopped, _) = running.finish()
            #expect(stopped.status == 3, "\(stopped.stderr)")
            let first = try AuditFile(audit)
            #expect(try first.schemaProblems() == [])
            #expect(first.root.attributes["segment"] == "1")
            #expect(first.summary?.attributes["exitCode"] == "3")

            // The resume takes the log's path from the run directory and writes segment 2 beside segment 1.
            let resumed = try Binary.run(["run", "--resume", out.path] + sandbox.targetArguments, environment: sandbox.credentials)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let secondPath = directory.appendingPathComponent("audit.2.xml.gz").path
            let second = try AuditFile(secondPath)
            #expect(try second.schemaProblems() == [])
            #expect(try second.xmllint().status == 0)
            #expect(second.root.attributes["segment"] == "2")
            #expect(second.root.attributes["runId"] == first.root.attributes["runId"])
            #expect(second.root.attributes["runStartedAt"] == first.root.attributes["runStartedAt"])
            #expect(second.summary?.attributes["exitCode"] == "0")
            #expect(second.summary?.attributes["rows"] == "300")
            #expect(try AuditFile(audit).xml == first.xml, "segment 1 is not touched")

            // Together the segments hold every request the tenant saw, and each row's success once.
            let exchanges = first.exchanges + second.exchanges
            #expect(exchanges.count == Self.providerRequests(try sandbox.stats()).values.reduce(0, +))
            let successes = exchanges.filter {
                $0.attributes["kind"] == "row-request" && $0.first("response")?.attributes["status"] == "200"
            }
            #expect(successes.compactMap { $0.attributes["row"].flatMap(Int.init) }.sorted() == Array(1...300))
        }

        @Test(arguments: [
            ("monthly-corrections.csv", [String](), Int32(0)),
            ("erp-export.jsonl", [String](), Int32(0)),
            ("bad-corrections.csv", ["--skip-invalid"], Int32(1)),
        ])
        func everySampleRunsWithAnAuditLog(_ sample: String, _ flags: [String], _ status: Int32) throws {
            let directory = try Binary.temporaryDirectory()
            let audit = directory.appendingPathComponent("audit.xml.gz").path
            let out = directory.appendingPathComponent("sample.run")
            let result = try Binary.run(["run", Binary.sample(sample), "--out", out.path, "--audit-xml", audit] + flags)
            #expect(result.status == status, "\(result.stderr)")
            let file = try AuditFile(audit)
            #expect(try file.schemaProblems() == [])
            let sent = try RunDirectoryFiles(out).summary.outcomes.filter { $0.key != "invalid" }.values.reduce(0, +)
            let rowRequests = Set(file.exchanges.filter { $0.attributes["kind"] == "row-request" }.compactMap { $0.attributes["row"] })
            #expect(rowRequests.count == sent - (try RunDirectoryFiles(out).summary.outcomes["skipped"] ?? 0))
            #expect(file.summary?.attributes["exitCode"] == String(status))
        }

        @Test func anExistingLogIsNeverOverwritten() throws {
            let directory = try Binary.temporaryDirectory()
            let audit = directory.appendingPathComponent("audit.xml")
            try Data("kept".utf8).write(to: audit)
            let out = directory.appendingPathComponent("x.run")
            let result = try Binary.run(["run", Binary.sample("monthly-corrections.csv"), "--out", out.path, "--audit-xml", audit.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("exists: an audit log is never overwritten"), "\(result.stderr)")
            #expect(try String(contentsOf: audit, encoding: .utf8) == "kept")
            #expect(!FileManager.default.fileExists(atPath: out.path), "nothing was started")
        }
    }
}
