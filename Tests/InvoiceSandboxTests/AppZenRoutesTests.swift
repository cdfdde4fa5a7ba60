import Foundation
import HTTPTypes
import HummingbirdTesting
import InvoiceAPI
import InvoiceSandbox
import NIOCore
import Testing

/// `POST /dictionary-data-services/invoice/{uuid}/status-sync`.
struct AppZenRoutesTests {
    static let body = #"{"invoice_id":"INV-00000002","invoice_status":"Posted","appzen_invoice_state":"CREATED","timestamp":"2026-01-05T10:00:00Z","error_data":{"message":"m","status":"s","exception":"e"}}"#

    static func path(_ uuid: String) -> String { "/dictionary-data-services/invoice/\(uuid)/status-sync" }

    @Test func aKnownUUIDIsSyncedWithAnEmpty200() async throws {
        try await Fixture.withRouter { state, client in
            let uuid = try #require(state.store.invoice("INV-00000002")?.appZenUUID)
            let response = try await client.execute(uri: Self.path(uuid), method: .post, headers: Fixture.appZenHeaders, body: Fixture.body(Self.body))
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
            #expect(state.store.invoice("INV-00000002")?.appZenStatus?["appzen_invoice_state"] == .string("CREATED"))
            #expect(state.statistics.changesByInvoice["INV-00000002"]?.changes.first?.action == .appzenSync)
            #expect(response.header("Zuora-Request-Id") == nil, "AppZen is not Zuora")
        }
    }

    @Test func anUnknownUUIDIsThePages404() async throws {
        try await Fixture.withRouter { _, client in
            let response = try await client.execute(
                uri: Self.path("75823296-4af2-4475-aafd-461c60c284e7"), method: .post, headers: Fixture.appZenHeaders,
                body: Fixture.body(Self.body)
            )
            #expect(response.status == .notFound)
            let error = try response.decode(AppZenErrorResponse.self)
            #expect(error.status == 404)
            #expect(error.error == "Not Found")
            #expect(error.errorCode?.count == 8)
            #expect(error.message.hasSuffix(" - The resource you specified cannot be not found"))
            #expect(error.timestamp.hasSuffix("+0000") && error.timestamp.count == 28)
        }
    }

    @Test(arguments: [
        ("no headers", [:] as HTTPFields, HTTPResponse.Status.unauthorized),
        ("no customer key", [HTTPField.Name("x-api-key")!: SandboxCredentials.defaults.appZenAPIKey,
            HTTPField.Name("customer-id")!: SandboxCredentials.defaults.appZenCustomerID] as HTTPFields, .unauthorized),
        ("wrong customer key", [HTTPField.Name("x-api-key")!: SandboxCredentials.defaults.appZenAPIKey,
            HTTPField.Name("customer-id")!: SandboxCredentials.defaults.appZenCustomerID,
            HTTPField.Name("customer-key")!: "nope"] as HTTPFields, .unauthorized),
        ("wrong api key", [HTTPField.Name("x-api-key")!: "nope",
            HTTPField.Name("customer-id")!: SandboxCredentials.defaults.appZenCustomerID,
            HTTPField.Name("customer-key")!: SandboxCredentials.defaults.appZenCustomerKey] as HTTPFields, .forbidden),
    ])
    func credentialsAreChecked(_ name: String, headers: HTTPFields, status: HTTPResponse.Status) async throws {
        try await Fixture.withRouter { state, client in
            let uuid = try #require(state.store.invoice("INV-00000002")?.appZenUUID)
            let response = try await client.execute(uri: Self.path(uuid), method: .post, headers: headers, body: Fixture.body(Self.body))
            #expect(response.status == status)
            let error = try response.decode(AppZenErrorResponse.self)
            #expect(error.status == Int(status.code))
            #expect(error.errorCode != nil)
            #expect(state.statistics.appliedChanges == 0)
        }
    }

    @Test(arguments: [
        #"{"appzen_invoice_state":"DONE"}"#, #"{"appzen-invoice-state":"CREATED"}"#, #"{"timestamp":"2026-01-05 10:00:00"}"#,
        #"{"error_data":"x"}"#, "not json",
    ])
    func aBadBodyIs400(body: String) async throws {
        try await Fixture.withRouter { state, client in
            let uuid = try #require(state.store.invoice("INV-00000002")?.appZenUUID)
            let response = try await client.execute(uri: Self.path(uuid), method: .post, headers: Fixture.appZenHeaders, body: Fixture.body(body))
            #expect(response.status == .badRequest)
            #expect(try response.decode(AppZenErrorResponse.self).status == 400)
        }
    }
}
