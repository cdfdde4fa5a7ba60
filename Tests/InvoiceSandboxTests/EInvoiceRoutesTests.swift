import Foundation
import HTTPTypes
import HummingbirdTesting
import InvoiceAPI
import InvoiceSandbox
import NIOCore
import Testing

/// `PUT …/e-invoice/sync-status` and `PUT …/e-invoice/cancel`.
struct EInvoiceRoutesTests {
    /// Seeded invoices by e-invoice status (see the seeding layout).
    static let syncable = [("INV-00000001", "Processing"), ("INV-00000002", "ApprovedByAuthority"),
        ("INV-00000003", "RetrieveTimeOut"), ("INV-00000004", "Failed")]
    static let notSyncable = [("INV-00000010", "Success"), ("INV-00000045", "ConditionalSuccess"),
        ("INV-00000050", "Rejected"), ("INV-00000055", "Generated"), ("INV-00000060", "Canceled")]

    @Test(arguments: syncable)
    func syncIsAcceptedFromTheFourStatesAndCompletesAsSuccess(number: String, status: String) async throws {
        try await Fixture.withRouter { state, client in
            #expect(try await client.invoice(number, state)["einvoiceStatus"] as? String == status)
            let response = try await client.put("/v1/invoices/\(number)/e-invoice/sync-status", "", state)
            #expect(response.status == .ok)
            let answer = try response.decode(ZuoraCommonResponse.self)
            #expect(answer.success)
            #expect(answer.processId?.count == 16)
            #expect(answer.requestId == response.header("Zuora-Request-Id"))
            #expect(answer.reasons == nil)
            #expect(try await client.invoice(number, state)["einvoiceStatus"] as? String == "Success")
        }
    }

    @Test(arguments: notSyncable)
    func syncIsRefusedFromOtherStates(number: String, status: String) async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put("/v1/invoices/\(number)/e-invoice/sync-status", "", state)
            #expect(try response.reasonCodes() == ["59102030"])
            #expect(try await client.invoice(number, state)["einvoiceStatus"] as? String == status)
        }
    }

    @Test func theBackgroundStepWaitsForItsDelay() async throws {
        try await Fixture.withRouter({ $0.einvoiceSyncDelay = .milliseconds(300) }) { state, client in
            let clock = ContinuousClock()
            let sent = clock.now
            let response = try await client.put("/v1/invoices/INV-00000001/e-invoice/sync-status", "", state)
            #expect(try response.decode(ZuoraCommonResponse.self).success)
            let status = try await client.invoice("INV-00000001", state)["einvoiceStatus"] as? String
            // Only meaningful while the delay has not passed (a busy test machine can be slower than 300 ms).
            if clock.now - sent < .milliseconds(250) { #expect(status == "Processing") }
            try await Task.sleep(for: .milliseconds(400))  // from now: the request was handled before now
            #expect(try await client.invoice("INV-00000001", state)["einvoiceStatus"] as? String == "Success")
        }
    }

    @Test func syncChecksShouldIncludeAcknowledged() async throws {
        try await Fixture.withRouter { state, client in
            let bad = try await client.put("/v1/invoices/INV-00000001/e-invoice/sync-status?shouldIncludeAcknowledged=sometimes", "", state)
            #expect(try bad.reasonCodes() == ["59102020"])
            let good = try await client.put("/v1/invoices/INV-00000001/e-invoice/sync-status?shouldIncludeAcknowledged=TRUE", "", state)
            #expect(try good.decode(ZuoraCommonResponse.self).success)
        }
    }

    @Test(arguments: [("INV-00000002", "ApprovedByAuthority"), ("INV-00000010", "Success"), ("INV-00000045", "ConditionalSuccess")])
    func cancelMovesAnIssuedEInvoiceToCanceled(number: String, status: String) async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put("/v1/invoices/\(number)/e-invoice/cancel", #"{"reason":"02"}"#, state)
            #expect(String(buffer: response.body) == #"{"success":true}"#)
            let invoice = try await client.invoice(number, state)
            #expect(invoice["einvoiceStatus"] as? String == "Canceled")
            #expect(invoice["status"] as? String == state.store.invoice(number)?.status.rawValue)
            let again = try await client.put("/v1/invoices/\(number)/e-invoice/cancel", #"{"reason":"02"}"#, state)
            #expect(try again.reasonCodes() == ["59103030"])
        }
    }

    @Test(arguments: ["INV-00000001", "INV-00000003", "INV-00000004", "INV-00000050", "INV-00000055"])
    func cancelIsRefusedBeforeTheEInvoiceIsIssued(number: String) async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put("/v1/invoices/\(number)/e-invoice/cancel", #"{"reason":"03"}"#, state)
            #expect(try response.reasonCodes() == ["59103030"])
        }
    }

    @Test(arguments: [
        (#"{"reason":"05"}"#, ["59103020"]),
        (#"{"reason":"1"}"#, ["59103020"]),
        (#"{"reason":"02","documentReferenceID":"DM12345678"}"#, ["59103030"]),
        (#"{"documentReferenceID":"DM12345678"}"#, ["59103030"]),
        (#"{"reason":"01","comment":"x"}"#, ["59103021"]),
    ])
    func cancelChecksItsBody(body: String, codes: [String]) async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put("/v1/invoices/INV-00000010/e-invoice/cancel", body, state)
            #expect(try response.reasonCodes() == codes)
            #expect(state.store.invoice("INV-00000010")?.einvoiceStatus == .success)
        }
    }

    @Test func reasonOneWithADocumentReferenceIsAccepted() async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put(
                "/v1/invoices/INV-00000010/e-invoice/cancel", #"{"reason":"01","documentReferenceID":"DM12345678"}"#, state
            )
            #expect(try response.decode(ZuoraCommonResponse.self).success)
        }
    }
}
