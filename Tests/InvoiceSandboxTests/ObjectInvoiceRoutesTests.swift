import Foundation
import HTTPTypes
import HummingbirdTesting
import InvoiceAPI
import InvoiceSandbox
import NIOCore
import Testing

/// `PUT /v1/object/invoice/{id}` (action `object-update`), the CRUD API.
struct ObjectInvoiceRoutesTests {
    static func id(_ number: String, _ state: SandboxState) throws -> String {
        try #require(state.store.invoice(number)?.id)
    }

    /// Status transitions: (invoice, seeded status, target, accepted).
    @Test(arguments: [
        ("INV-00000002", "Draft", "Posted", true),
        ("INV-00000001", "Posted", "Draft", true),
        ("INV-00000002", "Draft", "Canceled", true),
        ("INV-00000001", "Posted", "Canceled", false),
        ("INV-00000061", "Canceled", "Draft", false),
        ("INV-00000061", "Canceled", "Posted", false),
        ("INV-00000061", "Canceled", "Canceled", false),
        ("INV-00000002", "Draft", "Draft", true),
    ])
    func statusTransitions(number: String, from: String, to: String, accepted: Bool) async throws {
        try await Fixture.withRouter { state, client in
            #expect(try await client.invoice(number, state)["status"] as? String == from)
            let id = try Self.id(number, state)
            let response = try await client.put("/v1/object/invoice/\(id)", "{\"Status\":\"\(to)\"}", state)
            #expect(response.status == .ok)
            let answer = try response.decode(CRUDResponse.self)
            #expect(answer.success == accepted)
            if accepted {
                #expect(answer.id == id)
                #expect(try await client.invoice(number, state)["status"] as? String == to)
            } else {
                #expect(answer.errors?.map(\.code) == ["INVALID_VALUE"])
                #expect(try await client.invoice(number, state)["status"] as? String == from)
            }
        }
    }

    @Test func cancelingADraftZeroesItsBalance() async throws {
        try await Fixture.withRouter { state, client in
            _ = try await client.put("/v1/object/invoice/\(try Self.id("INV-00000004", state))", #"{"Status":"Canceled"}"#, state)
            #expect(try await client.invoice("INV-00000004", state)["balance"] as? Double == 0)
        }
    }

    @Test(arguments: ["INV-00000002", "0123456789abcdef0123456789abcdef", "0123456789ABCDEF0123456789ABCDEF"])
    func onlyAKnownIDNamesAnInvoice(key: String) async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put("/v1/object/invoice/\(key)", #"{"Status":"Posted"}"#, state)
            #expect(response.status == .ok)
            let answer = try response.decode(CRUDResponse.self)
            #expect(answer.success == false)
            #expect(answer.errors?.map(\.code) == ["INVALID_ID"])
        }
    }

    @Test func unknownFieldsAreIgnoredByDefault() async throws {
        try await Fixture.withRouter { state, client in
            let id = try Self.id("INV-00000002", state)
            let response = try await client.put("/v1/object/invoice/\(id)", #"{"Statuss":"Posted","TransferredToAccounting":"Yes"}"#, state)
            #expect(try response.decode(CRUDResponse.self) == CRUDResponse(success: true, id: id))
            let invoice = try await client.invoice(id, state)
            #expect(invoice["status"] as? String == "Draft")
            #expect(invoice["transferredToAccounting"] as? String == "Yes")
            #expect(state.statistics.changesByInvoice["INV-00000002"]?.changes.last?.fields.keys == ["TransferredToAccounting"])
        }
    }

    @Test func rejectUnknownFieldsAnswersThePages400() async throws {
        try await Fixture.withRouter { state, client in
            let id = try Self.id("INV-00000002", state)
            let response = try await client.put("/v1/object/invoice/\(id)?rejectUnknownFields=true", #"{"Statuss":"Posted"}"#, state)
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body) == #"{"message":"Error - unrecognised fields"}"#)
            let known = try await client.put("/v1/object/invoice/\(id)?rejectUnknownFields=true", #"{"Status":"Posted"}"#, state)
            #expect(try known.decode(CRUDResponse.self).success)
        }
    }

    @Test func rejectUnknownFieldsMustBeABoolean() async throws {
        try await Fixture.withRouter { state, client in
            let id = try Self.id("INV-00000002", state)
            let response = try await client.put("/v1/object/invoice/\(id)?rejectUnknownFields=maybe", #"{"Status":"Posted"}"#, state)
            #expect(try response.decode(CRUDResponse.self).errors?.map(\.code) == ["INVALID_VALUE"])
        }
    }

    @Test func regenerateInvoicePDFStandsAlone() async throws {
        try await Fixture.withRouter { state, client in
            let id = try Self.id("INV-00000001", state)
            let mixed = try await client.put("/v1/object/invoice/\(id)", #"{"RegenerateInvoicePDF":true,"Status":"Draft"}"#, state)
            let answer = try mixed.decode(CRUDResponse.self)
            #expect(answer.success == false)
            #expect(answer.errors == [CRUDError(
                code: "INVALID_VALUE",
                message: "When field RegenerateInvoicePDF is set to true to regenerate the invoice PDF file, changes on other fields of the invoice are not allowed."
            )])
            let alone = try await client.put("/v1/object/invoice/\(id)", #"{"RegenerateInvoicePDF":true}"#, state)
            #expect(try alone.decode(CRUDResponse.self).success)
            #expect(state.store.invoice(id)?.regeneratedPDFCount == 1)
        }
    }

    @Test(arguments: [
        #"{"Status":"Void"}"#, #"{"TransferredToAccounting":"Maybe"}"#, #"{"RegenerateInvoicePDF":"yes"}"#,
        "{\"IntegrationStatus__NS\":\"\(String(repeating: "s", count: 256))\"}",
    ])
    func invalidValuesAreInvalidValue(body: String) async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put("/v1/object/invoice/\(try Self.id("INV-00000002", state))", body, state)
            #expect(try response.decode(CRUDResponse.self).errors?.map(\.code) == ["INVALID_VALUE"])
            #expect(state.statistics.appliedChanges == 0)
        }
    }

    @Test func netSuiteAndCustomFieldsAreSet() async throws {
        try await Fixture.withRouter { state, client in
            let id = try Self.id("INV-00000002", state)
            _ = try await client.put("/v1/object/invoice/\(id)", #"{"IntegrationStatus__NS":"Synced","Region__c":"APAC"}"#, state)
            let invoice = try await client.invoice(id, state)
            #expect(invoice["IntegrationStatus__NS"] as? String == "Synced")
            #expect(invoice["Region__c"] as? String == "APAC")
        }
    }
}
