import AsyncHTTPClient
import Foundation
import InvoiceAPI
import InvoiceBatch
import InvoiceSandbox
import Testing

/// The token's life: fetched once for many rows, refreshed ahead of expiry, refreshed once for all rows after
/// a 401, and bad credentials failing fast and without the secret.
struct ZuoraTokenTests {
    static let tokenRoute = "POST /oauth/token"

    @Test func manyRowsShareOneToken() async throws {
        try await ClientFixture.run { fixture in
            let outcomes = await fixture.executeAll(
                (1...40).map { Calls.update(ClientFixture.number($0), comments: "shared token", row: $0) }
            )
            #expect(outcomes.allSatisfy { $0.status == .succeeded })
            #expect(
                fixture.sandbox.statistics.tokenRequests == 1, "single flight: 40 concurrent rows, one token request")
            #expect(await fixture.client.tokenRequestCount() == 1)
            #expect(fixture.observer.of(.token).count == 1)
        }
    }

    @Test func anExpiringTokenIsRefreshedAheadWithoutFailingARow() async throws {
        try await ClientFixture.run(sandbox: { $0.tokenTTL = .seconds(2) }) { fixture in
            let clock = ContinuousClock()
            let start = clock.now
            var outcomes: [CallOutcome] = []
            var row = 0
            while clock.now - start < .milliseconds(5_500) {
                row += 1
                outcomes.append(
                    await fixture.client.execute(
                        Calls.update(ClientFixture.number(row % 50 + 1), comments: "row \(row)", row: row)))
                try await Task.sleep(for: .milliseconds(40))
            }
            #expect(outcomes.allSatisfy { $0.status == .succeeded }, "\(outcomes.filter { $0.status != .succeeded })")
            let tokens = fixture.sandbox.statistics.tokenRequests
            #expect(
                tokens >= 3 && tokens <= 6,
                "a 2 s token over 5.5 s: refreshed, but not per row (\(tokens) for \(row) rows)")
            // Ahead of expiry: each new token was asked for while the previous one (2 s from its request) was
            // still good, so no row ever waited for a token or met a 401.
            let starts = fixture.observer.of(.token).map(\.startedAt)
            for (previous, next) in zip(starts, starts.dropFirst()) {
                #expect(
                    next.timeIntervalSince(previous) < 1.95,
                    "refreshed \(next.timeIntervalSince(previous)) s after the last token")
            }
            #expect(fixture.sandbox.statistics.requests(route: "PUT /v1/invoices/{invoiceKey}", status: "401") == 0)
        }
    }

    @Test func a401RefreshesTheTokenOnceForAllRows() async throws {
        // A second sandbox on the same port has never issued the token the client holds: every row's first
        // attempt gets a 401, exactly as after a revocation.
        let first = try await Sandbox.start(ClientFixture.sandboxConfiguration(), logger: ClientFixture.logger)
        let port = first.port
        try await HTTPClient.withHTTPClient(configuration: .invoiceBatch(concurrency: 8, timeout: .seconds(5))) {
            http in
            let pacer = RecordingPacer()
            var configuration = ClientFixture.clientConfiguration(baseURL: first.baseURL)
            configuration.maxAttempts = 1  // the replay after a refresh does not use up an attempt
            let client = InvoiceClient(
                httpClient: http, configuration: configuration,
                credentials: ClientFixture.credentials(first), pacer: pacer
            )
            #expect(await client.execute(Calls.update("INV-00000001", comments: "before")).status == .succeeded)
            try await first.shutdown()

            try await Sandbox.withRunning(
                ClientFixture.sandboxConfiguration { $0.port = port }, logger: ClientFixture.logger
            ) { second in
                let outcomes = await withTaskGroup(of: CallOutcome.self) { group in
                    for number in 2...9 {
                        group.addTask {
                            await client.execute(
                                Calls.update(ClientFixture.number(number), comments: "after", row: number))
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.allSatisfy { $0.status == .succeeded }, "\(outcomes)")
                // A row that met the 401 needed the attempt after the refresh; a row that asked for its token after
                // the refresh went out with the new one at once.
                let refused = outcomes.filter { $0.attempts == 2 }.count
                #expect(outcomes.allSatisfy { $0.attempts == 1 || $0.attempts == 2 })
                #expect(refused >= 1, "at least the first row met the stale token")
                let statistics = second.statistics
                #expect(statistics.tokenRequests == 1, "one refresh for all eight rows")
                #expect(statistics.requests(route: "PUT /v1/invoices/{invoiceKey}", status: "401") == refused)
                #expect(statistics.appliedChanges == 8)
            }
        }
    }

    @Test func badCredentialsFailFastWithoutTheSecret() async throws {
        let secret = "not-the-secret-7f3a9c2e51"
        try await ClientFixture.run(credentials: { sandbox in
            ClientCredentials(zuora: .clientCredentials(clientID: sandbox.credentials.clientID, clientSecret: secret))
        }) { fixture in
            let outcomes = await fixture.executeAll(
                (1...10).map { Calls.update(ClientFixture.number($0), comments: "x", row: $0) })
            #expect(
                outcomes.allSatisfy { $0.status == .failed && $0.errorCode == "invalid_client" && $0.attempts == 0 })
            let message = try #require(outcomes.first?.errorMessage)
            #expect(message.contains("ZUORA_CLIENT_SECRET"), "says what to fix: \(message)")
            for outcome in outcomes {
                for text in outcome.texts { #expect(!text.contains(secret)) }
            }
            #expect(fixture.sandbox.statistics.tokenRequests == 1, "a refused credential is not asked again")
            #expect(fixture.sandbox.statistics.requests(route: "PUT /v1/invoices/{invoiceKey}", status: "401") == 0)
            #expect(fixture.pacer.acquires == 0)
        }
    }

    @Test func aRefusedBearerTokenFailsTheRowWithAHint() async throws {
        try await ClientFixture.run(credentials: { _ in ClientCredentials(zuora: .bearerToken("expired-token-abc")) }) {
            fixture in
            let outcome = await fixture.client.execute(Calls.update("INV-00000002", comments: "x"))
            #expect(outcome.status == .failed)
            #expect(outcome.httpStatus == 401)
            #expect(outcome.attempts == 1)
            #expect(outcome.errorMessage?.contains("ZUORA_BEARER_TOKEN") == true)
            #expect(outcome.errorMessage?.contains("expired-token-abc") == false)
            #expect(fixture.sandbox.statistics.tokenRequests == 0)
        }
    }

    @Test func missingCredentialsFailTheRowWithoutSending() async throws {
        try await ClientFixture.run(credentials: { _ in ClientCredentials() }) { fixture in
            let zuora = await fixture.client.execute(Calls.update("INV-00000002", comments: "x"))
            let appZen = await fixture.client.execute(
                Calls.make(
                    .appzenSync, fixture.invoice(2).appZenUUID, body: JSONObject(["invoice_status": .string("Posted")]))
            )
            #expect(zuora.errorCode == "missing-credentials" && zuora.attempts == 0)
            #expect(appZen.errorCode == "missing-credentials" && appZen.attempts == 0)
            #expect(fixture.sandbox.statistics.totalRequests == 0)
        }
    }
}
