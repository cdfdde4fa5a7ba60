import InvoiceAPI
import InvoiceBatch
import InvoiceSandbox
import Testing

/// `object-update` rows that name an invoice by number: one `GET` per number for the run, then the CRUD call.
struct InvoiceKeyResolutionTests {
    static let getRoute = "GET /v1/invoices/{invoiceKey}"

    @Test func aNumberIsResolvedOnceAndThenUpdatedByID() async throws {
        try await ClientFixture.run { fixture in
            let rows = [
                Calls.make(
                    .objectUpdate, "INV-00000004", body: JSONObject(["TransferredToAccounting": .string("Processing")]),
                    row: 1),
                Calls.make(
                    .objectUpdate, "INV-00000004", body: JSONObject(["TransferredToAccounting": .string("Yes")]), row: 2
                ),
                Calls.status("INV-00000004", "Posted", row: 3),
            ]
            let outcomes = await fixture.executeInOrder(rows)
            #expect(outcomes.allSatisfy { $0.status == .succeeded && $0.attempts == 1 }, "\(outcomes)")
            let statistics = fixture.sandbox.statistics
            #expect(statistics.requests(route: Self.getRoute, status: "200") == 1, "cached per number")
            #expect(statistics.requests(route: "PUT /v1/object/invoice/{id}", status: "200") == 3)
            #expect(fixture.invoice(4).transferredToAccounting == "Yes")
            #expect(fixture.invoice(4).status == .posted)
            let resolution = try #require(fixture.observer.of(.keyResolution).first)
            #expect(resolution.row == 1 && resolution.pathAndQuery == "/v1/invoices/INV-00000004")
            #expect(
                fixture.observer.of(.rowRequest).allSatisfy {
                    $0.pathAndQuery == "/v1/object/invoice/\(fixture.invoice(4).id)"
                })

            #expect(try await fixture.client.resolveID(number: "INV-00000004") == fixture.invoice(4).id)
            #expect(fixture.sandbox.statistics.requests(route: Self.getRoute, status: "200") == 1)
        }
    }

    @Test func concurrentResolutionsOfOneNumberShareOneRequest() async throws {
        try await ClientFixture.run(sandbox: { $0.latency = .milliseconds(200) }) { fixture in
            _ = try await fixture.client.resolveID(number: "INV-00000001")  // token and connection ready
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 1...6 { group.addTask { try await fixture.client.resolveID(number: "INV-00000008") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(ids) == [fixture.invoice(8).id])
            #expect(fixture.sandbox.statistics.requests(route: Self.getRoute, status: "200") == 2)
        }
    }

    @Test func anUnknownNumberFailsTheRowWithTheProvidersNotFound() async throws {
        try await ClientFixture.run { fixture in
            let outcome = await fixture.client.execute(Calls.status("INV-09999999", "Posted"))
            #expect(outcome.status == .failed)
            #expect(outcome.errorCode?.count == 8 && outcome.errorCode?.hasSuffix("40") == true, "\(outcome)")
            #expect(outcome.errorMessage?.contains("INV-09999999") == true)
            #expect(outcome.attempts == 0, "the update itself was never sent")
            #expect(fixture.sandbox.statistics.requests(route: "PUT /v1/object/invoice/{id}", status: "200") == 0)
            await #expect(throws: ClientError.self) { try await fixture.client.resolveID(number: "INV-09999999") }
        }
    }
}
