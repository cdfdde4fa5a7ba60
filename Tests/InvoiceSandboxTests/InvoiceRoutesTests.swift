import Foundation
import HTTPTypes
import HummingbirdTesting
import InvoiceAPI
import InvoiceSandbox
import NIOCore
import Testing

/// `GET /v1/invoices/{invoiceKey}` and `PUT /v1/invoices/{invoiceKey}` (action `update`).
struct InvoiceRoutesTests {
    @Test func getFindsAnInvoiceByIDAndByNumber() async throws {
        try await Fixture.withRouter { state, client in
            let byNumber = try await client.invoice("INV-00000005", state)
            let id = try #require(byNumber["id"] as? String)
            let byID = try await client.invoice(id, state)
            #expect(byID["invoiceNumber"] as? String == "INV-00000005")
            for key in ["id", "invoiceNumber", "accountId", "status", "invoiceDate", "dueDate", "amount", "balance",
                "autoPay", "comments", "transferredToAccounting", "templateId", "currency", "einvoiceStatus",
                "IntegrationId__NS", "IntegrationStatus__NS", "SyncDate__NS", "AppZenUuid__c", "invoiceItems", "success"]
            {
                #expect(byNumber.keys.contains(key), "GET answer lacks \(key)")
            }
        }
    }

    @Test(arguments: ["INV-99999999", "INV-1", "0123456789abcdef0123456789abcdef", "%20"])
    func anUnknownInvoiceIsANotFoundReason(key: String) async throws {
        try await Fixture.withRouter { state, client in
            let get = try await client.execute(uri: "/v1/invoices/\(key)", method: .get, headers: Fixture.auth(state))
            #expect(get.status == .ok)
            #expect(try get.reasonCodes() == ["59100040"])
            #expect(try get.decode(ZuoraCommonResponse.self).success == false)
            let put = try await client.put("/v1/invoices/\(key)", #"{"comments":"x"}"#, state)
            #expect(try put.reasonCodes() == ["59101040"])
        }
    }

    @Test func updateAppliesTheChangeAndAnswersThePutShape() async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put(
                "/v1/invoices/INV-00000007",
                #"{"dueDate":"2026-12-01","comments":"fixed","autoPay":false,"transferredToAccounting":"Yes","IntegrationId__NS":"NS-1","Region__c":"EMEA"}"#,
                state
            )
            #expect(response.status == .ok)
            let body = try response.object()
            #expect(body["success"] as? Bool == true)
            #expect(body["number"] as? String == "INV-00000007")
            #expect(body["comment"] as? String == "fixed", "PutInvoiceResponseType names it comment")
            #expect(body["dueDate"] as? String == "2026-12-01")
            let invoice = try await client.invoice("INV-00000007", state)
            #expect(invoice["dueDate"] as? String == "2026-12-01")
            #expect(invoice["comments"] as? String == "fixed")
            #expect(invoice["autoPay"] as? Bool == false)
            #expect(invoice["transferredToAccounting"] as? String == "Yes")
            #expect(invoice["IntegrationId__NS"] as? String == "NS-1")
            #expect(invoice["Region__c"] as? String == "EMEA")
            #expect(state.statistics.changesByInvoice["INV-00000007"]?.count == 1)
        }
    }

    @Test func nullClearsAField() async throws {
        try await Fixture.withRouter { state, client in
            _ = try await client.put("/v1/invoices/INV-00000007", #"{"comments":"temporary"}"#, state)
            let response = try await client.put("/v1/invoices/INV-00000007", #"{"comments":null}"#, state)
            #expect(try response.object()["success"] as? Bool == true)
            #expect(try await client.invoice("INV-00000007", state)["comments"] is NSNull)
        }
    }

    /// Every request rule, checked server-side, answered with HTTP 200 and the category DESIGN names.
    @Test(arguments: [
        ("unknown field", #"{"duedate":"2026-12-01"}"#, ["59101021"]),
        ("malformed custom field", #"{"region__C":"x"}"#, ["59101021"]),
        ("not a date", #"{"dueDate":"12/01/2026"}"#, ["59101020"]),
        ("no such day", #"{"dueDate":"2026-02-30"}"#, ["59101020"]),
        ("not a boolean", #"{"autoPay":"yes"}"#, ["59101020"]),
        ("enum", #"{"transferredToAccounting":"Done"}"#, ["59101020"]),
        ("too long", "{\"comments\":\"\(String(repeating: "x", count: 256))\"}", ["59101020"]),
        ("both dates", #"{"dueDate":"2026-12-01","invoiceDate":"2026-02-01"}"#, ["59101030"]),
        ("NetSuite too long", "{\"SyncDate__NS\":\"\(String(repeating: "9", count: 256))\"}", ["59101020"]),
        ("item enum", #"{"invoiceItems":[{"id":"x","taxMode":"Inclusive"}]}"#, ["59101020"]),
        ("positive discount", #"{"invoiceItems":[{"id":"x","discountItems":[{"amount":"5"}]}]}"#, ["59101020"]),
        ("missing discount amount", #"{"invoiceItems":[{"id":"x","discountItems":[{"description":"d"}]}]}"#, ["59101022"]),
        ("eleven discounts", "{\"invoiceItems\":[{\"id\":\"x\",\"discountItems\":[\(Array(repeating: #"{"amount":"-1"}"#, count: 11).joined(separator: ","))]}]}", ["59101020"]),
        ("too many items", "{\"invoiceItems\":[\(Array(repeating: #"{"id":"x"}"#, count: 1_001).joined(separator: ","))]}", ["59101020"]),
        ("two rules", #"{"dueDate":"tomorrow","autopay":true}"#, ["59101020", "59101021"]),
    ])
    func requestRulesAreEnforced(_ name: String, body: String, codes: [String]) async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put("/v1/invoices/INV-00000002", body, state)
            #expect(response.status == .ok)
            #expect(try response.reasonCodes().sorted() == codes.sorted())
            #expect(state.statistics.appliedChanges == 0)
            let invoice = try await client.invoice("INV-00000002", state)
            #expect(invoice["dueDate"] as? String == "2026-02-01", "a refused update changes nothing")
        }
    }

    @Test func anInvoiceDateInAClosedPeriodIsRefused() async throws {
        try await Fixture.withRouter { state, client in
            let refused = try await client.put("/v1/invoices/INV-00000002", #"{"invoiceDate":"2025-12-31"}"#, state)
            #expect(try refused.reasonCodes() == ["59101030"])
            let accepted = try await client.put("/v1/invoices/INV-00000002", #"{"invoiceDate":"2026-01-01"}"#, state)
            #expect(try accepted.object()["invoiceDate"] as? String == "2026-01-01")
        }
    }

    @Test func aCanceledInvoiceTakesNoUpdate() async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put("/v1/invoices/INV-00000061", #"{"comments":"x"}"#, state)
            #expect(try response.reasonCodes() == ["59101030"])
        }
    }

    @Test func itemsAreNamedByIDsOfThisInvoice() async throws {
        try await Fixture.withRouter { state, client in
            let other = try #require((try await client.invoice("INV-00000009", state)["invoiceItems"] as? [[String: Any]])?.first?["id"] as? String)
            let foreign = try await client.put("/v1/invoices/INV-00000008", "{\"invoiceItems\":[{\"id\":\"\(other)\",\"description\":\"x\"}]}", state)
            #expect(try foreign.reasonCodes() == ["59101040"])
            let missing = try await client.put("/v1/invoices/INV-00000008", #"{"invoiceItems":[{"description":"x"}]}"#, state)
            #expect(try missing.reasonCodes() == ["59101022"])
        }
    }

    @Test func itemChangesAndNewDiscountsShowOnTheInvoice() async throws {
        try await Fixture.withRouter { state, client in
            let before = try await client.invoice("INV-00000008", state)
            let item = try #require((before["invoiceItems"] as? [[String: Any]])?.first)
            let itemID = try #require(item["id"] as? String)
            let response = try await client.put(
                "/v1/invoices/INV-00000008",
                "{\"invoiceItems\":[{\"id\":\"\(itemID)\",\"description\":\"Renamed\",\"amount\":\"100.00\",\"discountItems\":[{\"amount\":\"-10.00\",\"description\":\"goodwill\"}]}]}",
                state
            )
            #expect(try response.object()["success"] as? Bool == true)
            let after = try await client.invoice("INV-00000008", state)
            let changed = try #require((after["invoiceItems"] as? [[String: Any]])?.first)
            #expect(changed["description"] as? String == "Renamed")
            let discount = try #require((changed["discountItems"] as? [[String: Any]])?.first)
            #expect(discount["amount"] as? String == "-10.00")
            #expect((discount["id"] as? String)?.count == 32)
            let others = (after["invoiceItems"] as? [[String: Any]] ?? []).dropFirst()
                .compactMap { ($0["amount"] as? String).flatMap { Int($0.filter { $0 != "." }) } }
            #expect(Int(((after["amount"] as? Double ?? 0) * 100).rounded()) == 10_000 - 1_000 + others.reduce(0, +))
        }
    }

    @Test func aBodyThatIsNotJSONIs400() async throws {
        try await Fixture.withRouter { state, client in
            for body in ["{", "[1,2]", "\"text\""] {
                let response = try await client.put("/v1/invoices/INV-00000002", body, state)
                #expect(response.status == .badRequest)
                #expect(try response.reasonCodes() == ["59101090"])
            }
        }
    }
}
