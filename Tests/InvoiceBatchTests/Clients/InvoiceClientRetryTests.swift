import InvoiceAPI
import InvoiceBatch
import InvoiceSandbox
import Testing

/// Retries against an imperfect tenant: 503s, lock contention, 429 with `Retry-After`, dropped connections
/// before and after the change, and the read-back that keeps a non-repeatable change from landing twice.
struct InvoiceClientRetryTests {
    static let route = "PUT /v1/invoices/{invoiceKey}"
    static let cancelRoute = "PUT /v1/invoices/{invoiceKey}/e-invoice/cancel"
    static let objectRoute = "PUT /v1/object/invoice/{id}"

    @Test func serviceUnavailableIsRetriedUntilItSucceeds() async throws {
        try await ClientFixture.run(sandbox: { $0.failRate = 0.5 }, client: { $0.maxAttempts = 12 }) { fixture in
            let calls = (1...12).map { Calls.update(ClientFixture.number($0), comments: "after 503s \($0)", row: $0) }
            let outcomes = await fixture.executeInOrder(calls)
            #expect(outcomes.allSatisfy { $0.status == .succeeded }, "\(outcomes.filter { $0.status != .succeeded })")
            #expect(outcomes.contains { $0.attempts > 1 })
            let statistics = fixture.sandbox.statistics
            #expect(statistics.faults(.serverError) == outcomes.map(\.attempts).reduce(0, +) - 12)
            #expect(statistics.requests(route: Self.route, status: "503") == statistics.faults(.serverError))
            #expect(statistics.appliedChanges == 12, "each change applied exactly once")
            #expect(fixture.pacer.acquires == outcomes.map(\.attempts).reduce(0, +), "every retry asks the pacer")
            for number in 1...12 { #expect(fixture.invoice(number).comments == "after 503s \(number)") }
        }
    }

    @Test func aFailureThatOutlastsTheAttemptsKeepsTheLastCode() async throws {
        try await ClientFixture.run(sandbox: { $0.failRate = 1 }, client: { $0.maxAttempts = 3 }) { fixture in
            let outcome = await fixture.client.execute(Calls.update("INV-00000002", comments: "never"))
            #expect(outcome.status == .failed)
            #expect(outcome.attempts == 3)
            #expect(outcome.httpStatus == 503)
            #expect(outcome.errorCode?.hasSuffix("61") == true, "the 503's own temporary-error code: \(outcome)")
            #expect(fixture.sandbox.statistics.requests(route: Self.route, status: "503") == 3)
        }
    }

    @Test func lockContentionIsRetriedForRESTAndCRUD() async throws {
        try await ClientFixture.run(sandbox: { $0.lockRate = 0.5 }, client: { $0.maxAttempts = 12 }) { fixture in
            let rest = (1...8).map { Calls.update(ClientFixture.number($0), comments: "locked \($0)", row: $0) }
            let crud = (9...16).map { number in
                Calls.make(
                    .objectUpdate, fixture.invoice(number).id,
                    body: JSONObject(["TransferredToAccounting": .string("Processing")]), row: number
                )
            }
            let outcomes = await fixture.executeInOrder(rest + crud)
            #expect(outcomes.allSatisfy { $0.status == .succeeded }, "\(outcomes.filter { $0.status != .succeeded })")
            #expect(outcomes[..<8].contains { $0.attempts > 1 }, "REST …50 retried")
            #expect(outcomes[8...].contains { $0.attempts > 1 }, "CRUD LOCK_COMPETITION retried")
            let statistics = fixture.sandbox.statistics
            #expect(statistics.faults(.lockContention) == outcomes.map(\.attempts).reduce(0, +) - 16)
            #expect(statistics.appliedChanges == 16)
            #expect(fixture.invoice(16).transferredToAccounting == "Processing")
        }
    }

    @Test func tooManyRequestsWaitsForRetryAfterAndTellsThePacer() async throws {
        try await ClientFixture.run(sandbox: {
            $0.concurrencyLimit = 1
            $0.latency = .milliseconds(300)
        }) { fixture in
            _ = await fixture.client.execute(Calls.update("INV-00000001", comments: "warm-up"))  // token out of the way
            let clock = ContinuousClock()
            var durations: [Duration] = []
            let outcomes = await withTaskGroup(of: (CallOutcome, Duration).self) { group in
                for number in 2...4 {
                    group.addTask {
                        var outcome: CallOutcome?
                        let elapsed = await clock.measure {
                            outcome = await fixture.client.execute(
                                Calls.update(ClientFixture.number(number), comments: "429", row: number))
                        }
                        return (outcome!, elapsed)
                    }
                }
                var outcomes: [CallOutcome] = []
                for await (outcome, elapsed) in group {
                    outcomes.append(outcome)
                    durations.append(elapsed)
                }
                return outcomes
            }
            #expect(outcomes.allSatisfy { $0.status == .succeeded }, "\(outcomes)")
            let refused = zip(outcomes, durations).filter { $0.0.tooManyRequests > 0 }
            #expect(!refused.isEmpty, "three requests at a concurrency limit of one")
            for (outcome, elapsed) in refused {
                #expect(outcome.attempts == outcome.tooManyRequests + 1)
                #expect(elapsed >= .seconds(outcome.tooManyRequests), "Retry-After: 1 honoured (\(elapsed))")
            }
            let reported = fixture.pacer.tooManyRequests
            #expect(reported.count == refused.map(\.0.tooManyRequests).reduce(0, +))
            #expect(reported.allSatisfy { $0 == .seconds(1) })
            #expect(fixture.sandbox.statistics.tooManyRequests == reported.count)
            #expect(
                fixture.pacer.signals.contains { signal in
                    if case .remaining(let concurrency?, _, _) = signal { return concurrency == 0 }
                    return false
                }, "Concurrency-Limit-Remaining reported")
        }
    }

    @Test func connectionsDroppedBeforeTheChangeAreRetried() async throws {
        try await ClientFixture.run(
            sandbox: {
                $0.resetRate = 0.5; $0.resetPhase = .before
            }, client: { $0.maxAttempts = 12 }
        ) { fixture in
            let outcomes = await fixture.executeInOrder(
                (1...10).map { Calls.update(ClientFixture.number($0), comments: "dropped \($0)", row: $0) }
            )
            #expect(outcomes.allSatisfy { $0.status == .succeeded }, "\(outcomes.filter { $0.status != .succeeded })")
            let statistics = fixture.sandbox.statistics
            try #require(statistics.faults(.resetBeforeChange) > 0)
            #expect(statistics.faults(.resetBeforeChange) == outcomes.map(\.attempts).reduce(0, +) - 10)
            #expect(statistics.appliedChanges == 10)
            #expect(outcomes.allSatisfy { $0.readBack == nil }, "an update is repeatable: no read-back")
        }
    }

    @Test func aCancelDroppedAfterItAppliedIsReadBackNotSentAgain() async throws {
        try await ClientFixture.run(
            sandbox: {
                $0.resetRate = 0.5; $0.resetPhase = .after
            }, client: { $0.maxAttempts = 12 }
        ) { fixture in
            // Invoices 2, 6, 10, 14, … have an e-invoice that can be canceled.
            let numbers = [2, 6, 10, 14, 18, 20, 22, 26, 30, 34]
            let outcomes = await fixture.executeInOrder(numbers.map { Calls.cancel(ClientFixture.number($0), row: $0) })
            #expect(outcomes.allSatisfy { $0.status == .succeeded }, "\(outcomes.filter { $0.status != .succeeded })")
            let statistics = fixture.sandbox.statistics
            let dropped = statistics.requests(route: Self.cancelRoute, status: "reset")
            try #require(dropped > 0, "the dice dropped no cancel")
            #expect(
                statistics.requests(route: Self.cancelRoute, status: "200") + dropped == numbers.count,
                "one cancel request per invoice: the read-back kept every second one from being sent")
            for number in numbers {
                #expect(statistics.changesByInvoice[ClientFixture.number(number)]?.count == 1)
                #expect(fixture.invoice(number).einvoiceStatus == .canceled)
            }
            let readBack = outcomes.filter { $0.readBack != nil }
            #expect(readBack.count == dropped)
            #expect(
                readBack.allSatisfy { $0.readBack == "read back after a dropped connection: einvoiceStatus Canceled" })
            #expect(readBack.allSatisfy { $0.attempts == 1 })
        }
    }

    @Test func aStatusChangeDroppedAfterItAppliedIsReadBack() async throws {
        try await ClientFixture.run(
            sandbox: {
                $0.resetRate = 0.5; $0.resetPhase = .after
            }, client: { $0.maxAttempts = 12 }
        ) { fixture in
            // Even invoices up to 60 are Draft; Draft → Canceled once, a second time is refused.
            let numbers = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20]
            let outcomes = await fixture.executeInOrder(
                numbers.map { Calls.status(fixture.invoice($0).id, "Canceled", row: $0) }
            )
            #expect(outcomes.allSatisfy { $0.status == .succeeded }, "\(outcomes.filter { $0.status != .succeeded })")
            let statistics = fixture.sandbox.statistics
            let dropped = statistics.requests(route: Self.objectRoute, status: "reset")
            try #require(dropped > 0)
            #expect(statistics.requests(route: Self.objectRoute, status: "200") + dropped == numbers.count)
            #expect(
                outcomes.filter { $0.readBack == "read back after a dropped connection: status Canceled" }.count
                    == dropped)
            for number in numbers { #expect(fixture.invoice(number).status == .canceled) }
        }
    }

    @Test func aCancelDroppedBeforeItAppliedIsReadBackAndSentAgain() async throws {
        try await ClientFixture.run(
            sandbox: {
                $0.resetRate = 0.5; $0.resetPhase = .before
            }, client: { $0.maxAttempts = 12 }
        ) { fixture in
            let numbers = [2, 6, 10, 14, 18, 20, 22, 26]
            let outcomes = await fixture.executeInOrder(numbers.map { Calls.cancel(ClientFixture.number($0), row: $0) })
            #expect(outcomes.allSatisfy { $0.status == .succeeded }, "\(outcomes.filter { $0.status != .succeeded })")
            let retried = outcomes.filter { $0.attempts > 1 }
            try #require(!retried.isEmpty)
            #expect(retried.allSatisfy { $0.readBack?.contains("so sent again") == true }, "\(retried.map(\.readBack))")
            for number in numbers {
                #expect(fixture.sandbox.statistics.changesByInvoice[ClientFixture.number(number)]?.count == 1)
            }
        }
    }

    @Test func anUnreadableInvoiceAfterADropIsNotSentAgain() async throws {
        // Every request dropped after applying: the read-back cannot get through either, so the client must give
        // up rather than risk a second cancel.
        try await ClientFixture.run(
            sandbox: {
                $0.resetRate = 1; $0.resetPhase = .after
            }, client: { $0.maxAttempts = 3 }
        ) { fixture in
            let outcome = await fixture.client.execute(Calls.cancel("INV-00000002"))
            #expect(outcome.status == .failed)
            #expect(outcome.errorCode == "connection-error")
            #expect(outcome.attempts == 1)
            #expect(outcome.readBack?.contains("not sent again") == true, "\(outcome)")
            #expect(fixture.sandbox.statistics.requests(route: Self.cancelRoute, status: "reset") == 1)
            #expect(fixture.sandbox.statistics.requests(route: "GET /v1/invoices/{invoiceKey}", status: "reset") == 3)
        }
    }

    @Test func cancellationBeforeSendingIsCancelled() async throws {
        try await ClientFixture.run(pacer: ClosedPacer()) { fixture in
            let task = Task { await fixture.client.execute(Calls.update("INV-00000002", comments: "never sent")) }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            let outcome = await task.value
            #expect(outcome.status == .failed)
            #expect(outcome.errorCode == "cancelled")
            #expect(outcome.attempts == 0)
            #expect(fixture.sandbox.statistics.requests(route: Self.route, status: "200") == 0)
        }
    }

    @Test func cancellationInFlightIsInterrupted() async throws {
        // A ready bearer token, so the only request is the row's own, held by the latency.
        try await ClientFixture.run(
            sandbox: { $0.latency = .seconds(2) },
            credentials: { ClientCredentials(zuora: .bearerToken($0.issueToken())) }
        ) { fixture in
            let task = Task { await fixture.client.execute(Calls.update("INV-00000002", comments: "maybe")) }
            try await Task.sleep(for: .milliseconds(500))
            task.cancel()
            let outcome = await task.value
            #expect(outcome.status == .failed)
            #expect(outcome.errorCode == "interrupted", "\(outcome)")
            #expect(outcome.attempts == 1)
        }
    }
}
