import Foundation
import HTTPTypes
import HummingbirdTesting
import InvoiceAPI
import InvoiceSandbox
import NIOCore
import Testing

/// `GET /sandbox/stats`, `POST /sandbox/reset`, `PUT /sandbox/invoices/{key}` and the same through Swift.
struct SandboxAdminRoutesTests {
    @Test func statsCountRequestsChangesAndTokens() async throws {
        try await Fixture.withRouter { state, client in
            _ = try await client.put("/v1/invoices/INV-00000002", #"{"comments":"one"}"#, state, headers: [.init("Zuora-Track-Id")!: "t-1"])
            _ = try await client.put("/v1/invoices/INV-00000002", #"{"dueDate":"2026-03-01"}"#, state)
            _ = try await client.put("/v1/invoices/INV-00000002", #"{"dueDate":"bad"}"#, state)
            _ = try await client.execute(uri: "/v1/invoices/INV-00000002", method: .get)
            _ = try await client.execute(
                uri: "/oauth/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: Fixture.body("client_id=\(SandboxCredentials.defaults.clientID)&client_secret=\(SandboxCredentials.defaults.clientSecret)&grant_type=client_credentials")
            )
            let stats = try await client.execute(uri: "/sandbox/stats", method: .get).object()
            let requests = try #require(stats["requests"] as? [String: [String: Int]])
            #expect(requests["PUT /v1/invoices/{invoiceKey}"] == ["200": 3])
            #expect(requests["GET /v1/invoices/{invoiceKey}"] == ["401": 1])
            #expect(requests["POST /oauth/token"] == ["200": 1])
            #expect(stats["totalRequests"] as? Int == 5)
            #expect(stats["tokenRequests"] as? Int == 1 && stats["tokensIssued"] as? Int == 1)
            #expect(stats["appliedChanges"] as? Int == 2)
            let faults = try #require(stats["faults"] as? [String: Int])
            #expect(faults == ["server-error": 0, "lock-contention": 0, "reset-before": 0, "reset-after": 0])
            let invoice = try #require((stats["invoices"] as? [String: Any])?["INV-00000002"] as? [String: Any])
            #expect(invoice["count"] as? Int == 2)
            let changes = try #require(invoice["changes"] as? [[String: Any]])
            #expect(changes.map { $0["action"] as? String } == ["update", "update"])
            #expect(changes.map { $0["fields"] as? [String: String] } == [["comments": "one"], ["dueDate": "2026-03-01"]])
            #expect(changes.first?["trackId"] as? String == "t-1")
            #expect((changes.first?["requestId"] as? String)?.count == 36)

            let swift = state.statistics
            #expect(swift.requests(route: "PUT /v1/invoices/{invoiceKey}", status: "200") == 3)
            #expect(swift.changesByInvoice["INV-00000002"]?.changes.last?.fields["dueDate"] == .string("2026-03-01"))
        }
    }

    @Test func resetRestoresTheSeedAndZeroesTheStatistics() async throws {
        try await Fixture.withRouter { state, client in
            let seeded = try await client.invoice("INV-00000002", state)
            _ = try await client.put("/v1/invoices/INV-00000002", #"{"comments":"changed"}"#, state)
            let response = try await client.execute(uri: "/sandbox/reset", method: .post)
            #expect(try response.decode(ZuoraCommonResponse.self).success)
            #expect(state.statistics.totalRequests == 1, "only the reset's own request is counted")
            let restored = try await client.invoice("INV-00000002", state)
            #expect(restored["comments"] is NSNull)
            #expect(restored["id"] as? String == seeded["id"] as? String)
        }
    }

    @Test func anInvoiceCanBeChangedBehindTheClientsBack() async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.execute(
                uri: "/sandbox/invoices/INV-00000002", method: .put,
                body: Fixture.body(#"{"status":"Canceled","einvoiceStatus":"Cancelled","comments":"by someone else","Region__c":"US"}"#)
            )
            let answer = try response.object()
            #expect(answer["status"] as? String == "Canceled")
            #expect(answer["einvoiceStatus"] as? String == "Canceled")
            #expect(try await client.invoice("INV-00000002", state)["comments"] as? String == "by someone else")
            #expect(state.statistics.appliedChanges == 0)

            state.store.modify("INV-00000004") { $0.einvoiceStatus = .success }
            #expect(try await client.invoice("INV-00000004", state)["einvoiceStatus"] as? String == "Success")

            let unknown = try await client.execute(uri: "/sandbox/invoices/INV-00000002", method: .put, body: Fixture.body(#"{"colour":"red"}"#))
            #expect(unknown.status == .badRequest)
            let missing = try await client.execute(uri: "/sandbox/invoices/INV-99999999", method: .put, body: Fixture.body("{}"))
            #expect(missing.status == .notFound)
        }
    }
}
