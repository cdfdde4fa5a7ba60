import Foundation
import Testing

/// Credentials come from the environment and reach no output: not the run directory, not stdout, not stderr —
/// neither when they work, nor when the provider refuses them, nor a bearer token given directly.
extension EndToEnd {
    @Suite struct RunSecretsTests {
        static func randomSecret(_ label: String) -> String {
            "\(label)-\(UUID().uuidString.lowercased())"
        }

        /// Updates (two of them refused: invoice 61 is canceled), AppZen syncs (one for a uuid the account does not
        /// know), so both the success and the error paths of both providers write their reports.
        static func batch(sandbox: SandboxProcess) throws -> CSVTable {
            let uuid1 = try #require(try sandbox.invoice("INV-00000001").appZenUUID)
            let uuid3 = try #require(try sandbox.invoice("INV-00000003").appZenUUID)
            let header = [
                "action", "invoiceKey", "rowId", "dueDate", "comments", "uuid", "appzen_invoice_state", "invoice_status",
            ]
            return CSVTable(
                header: header,
                rows: [
                    ["update", "INV-00000001", "S1", "2026-10-01", "secret check 1", "", "", ""],
                    ["update", "INV-00000002", "S2", "2026-10-02", "secret check 2", "", "", ""],
                    ["update", "INV-00000061", "S3", "2026-10-03", "canceled invoice", "", "", ""],
                    ["appzen-sync", "INV-00000001", "S4", "", "", uuid1, "CREATED", "Posted"],
                    ["appzen-sync", "INV-00000003", "S5", "", "", uuid3, "ERROR", "Posted"],
                    ["appzen-sync", "", "S6", "", "", "00000000-0000-4000-8000-000000000000", "CREATED", "Posted"],
                    ["einvoice-sync", "INV-00000005", "S7", "", "", "", "", ""],
                    ["update", "INV-00000062", "S8", "", "canceled invoice", "", "", ""],
                ]
            )
        }

        /// Every file of `directory` and both output streams, searched for each of `secrets`.
        static func expectNowhere(
            _ secrets: [String], in directory: URL, _ result: CommandResult,
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            let files = try RunDirectoryFiles(directory).allFiles()
            #expect(files.map(\.name).contains("results.csv"), sourceLocation: sourceLocation)
            #expect(files.map(\.name).contains("run.json"), sourceLocation: sourceLocation)
            for secret in secrets {
                let needle = Data(secret.utf8)
                for file in files {
                    #expect(file.data.range(of: needle) == nil, "\(secret) in \(file.name)", sourceLocation: sourceLocation)
                }
                #expect(!result.stdout.contains(secret), "\(secret) on stdout", sourceLocation: sourceLocation)
                #expect(!result.stderr.contains(secret), "\(secret) on stderr", sourceLocation: sourceLocation)
            }
            for file in files {
                #expect(
                    file.data.range(of: Data("Bearer ".utf8)) == nil, "an Authorization value in \(file.name)",
                    sourceLocation: sourceLocation)
            }
            #expect(!result.stderr.contains("Bearer "), sourceLocation: sourceLocation)
        }

        @Test func noSecretReachesAnyOutput() throws {
            let secret = Self.randomSecret("zuora-secret")
            let apiKey = Self.randomSecret("appzen-key")
            let customerKey = Self.randomSecret("appzen-customer-key")
            let sandbox = try SandboxProcess([
                "--client-secret", secret, "--appzen-api-key", apiKey, "--appzen-customer-key", customerKey,
                // The same file runs three times: its e-invoice sync must still find the invoice syncable.
                "--einvoice-sync-delay-ms", "600000",
            ])
            defer { sandbox.stop() }
            #expect(sandbox.credentials["ZUORA_CLIENT_SECRET"] == secret)
            let directory = try Binary.temporaryDirectory()
            let input = directory.appendingPathComponent("secrets.csv")
            try Self.batch(sandbox: sandbox).write(to: input)

            // 1. Client credentials that work: the rows run (two are refused by the tenant, one by AppZen).
            let good = directory.appendingPathComponent("good.run")
            let result = try Binary.run(
                ["run", input.path, "--out", good.path] + sandbox.targetArguments, environment: sandbox.credentials
            )
            #expect(result.status == 1, "\(result.stderr)")
            let outcomes = try RunDirectoryFiles(good).results.column("outcome")
            #expect(
                outcomes == ["succeeded", "succeeded", "failed", "succeeded", "succeeded", "failed", "succeeded", "failed"])
            try Self.expectNowhere([secret, apiKey, customerKey], in: good, result)

            // 2. A bearer token given directly (ZUORA_BEARER_TOKEN): the exact Authorization value is known here.
            let token = try sandbox.bearerToken()
            var bearerEnvironment = sandbox.credentials
            bearerEnvironment["ZUORA_CLIENT_ID"] = ""
            bearerEnvironment["ZUORA_CLIENT_SECRET"] = ""
            bearerEnvironment["ZUORA_BEARER_TOKEN"] = token
            let bearer = directory.appendingPathComponent("bearer.run")
            let bearerResult = try Binary.run(
                ["run", input.path, "--out", bearer.path] + sandbox.targetArguments, environment: bearerEnvironment
            )
            #expect(bearerResult.status == 1, "\(bearerResult.stderr)")
            #expect(try RunDirectoryFiles(bearer).results.column("outcome").filter { $0 == "succeeded" }.count == 5)
            try Self.expectNowhere([token, apiKey, customerKey], in: bearer, bearerResult)

            // 3. Credentials the providers refuse: their values are still nowhere, error messages included.
            let wrong = [
                "ZUORA_CLIENT_ID": sandbox.credentials["ZUORA_CLIENT_ID"] ?? "",
                "ZUORA_CLIENT_SECRET": Self.randomSecret("wrong-secret"),
                "APPZEN_API_KEY": Self.randomSecret("wrong-key"),
                "APPZEN_CUSTOMER_ID": sandbox.credentials["APPZEN_CUSTOMER_ID"] ?? "",
                "APPZEN_CUSTOMER_KEY": Self.randomSecret("wrong-customer-key"),
            ]
            let refused = directory.appendingPathComponent("refused.run")
            let refusedResult = try Binary.run(
                ["run", input.path, "--out", refused.path] + sandbox.targetArguments, environment: wrong)
            #expect(refusedResult.status == 1, "\(refusedResult.stderr)")
            let refusedResults = try RunDirectoryFiles(refused).results
            #expect(!refusedResults.column("outcome").contains("succeeded"))
            #expect(refusedResults.column("httpStatus").contains("401"), "\(refusedResults.rows)")
            try Self.expectNowhere(
                [
                    wrong["ZUORA_CLIENT_SECRET"]!, wrong["APPZEN_API_KEY"]!, wrong["APPZEN_CUSTOMER_KEY"]!, secret, apiKey,
                    customerKey,
                ],
                in: refused, refusedResult
            )
        }
    }
}
