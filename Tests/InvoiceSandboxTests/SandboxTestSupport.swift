import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InvoiceAPI
import InvoiceSandbox
import Logging
import NIOCore
import Testing

/// Shared set-up of the sandbox tests: small tenants, quiet logs, and helpers to read answers the way a
/// client reads them.
enum Fixture {
    static let logger: Logger = {
        var logger = Logger(label: "invoice-sandbox-tests")
        logger.logLevel = .critical
        return logger
    }()

    /// A small tenant (100 invoices) whose e-invoice syncs complete at once; `change` adjusts it.
    static func configuration(_ change: (inout SandboxConfiguration) -> Void = { _ in }) -> SandboxConfiguration {
        var configuration = SandboxConfiguration(invoices: 100, einvoiceSyncDelay: .zero)
        change(&configuration)
        return configuration
    }

    /// Runs `test` against the sandbox's router in-process (`app.test(.router)`).
    static func withRouter(
        _ change: (inout SandboxConfiguration) -> Void = { _ in },
        _ test: @Sendable (SandboxState, any TestClientProtocol) async throws -> Void
    ) async throws {
        let state = SandboxState(configuration: configuration(change))
        let app = Sandbox.application(state: state, logger: logger)
        try await app.test(.router) { client in try await test(state, client) }
    }

    /// Headers of an authenticated JSON request.
    static func auth(_ state: SandboxState, _ extra: HTTPFields = [:]) -> HTTPFields {
        var headers: HTTPFields = [.authorization: "Bearer \(state.issueToken())", .contentType: "application/json"]
        headers.append(contentsOf: extra)
        return headers
    }

    /// AppZen's three headers with the default credentials.
    static var appZenHeaders: HTTPFields {
        let credentials = SandboxCredentials.defaults
        return [
            HTTPField.Name("x-api-key")!: credentials.appZenAPIKey,
            HTTPField.Name("customer-id")!: credentials.appZenCustomerID,
            HTTPField.Name("customer-key")!: credentials.appZenCustomerKey,
            .contentType: "application/json",
        ]
    }

    static func body(_ json: String) -> ByteBuffer { ByteBuffer(string: json) }
}

extension TestResponse {
    /// The body as a JSON object (`[:]` for an empty body).
    func object() throws -> [String: Any] {
        guard body.readableBytes > 0 else { return [:] }
        return try #require(JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
    }

    /// The body decoded as one of the wire types, as the client will decode it.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(body.readableBytesView))
    }

    /// The REST failure codes of a `{success:false, reasons:[…]}` body.
    func reasonCodes() throws -> [String] {
        let response = try decode(ZuoraCommonResponse.self)
        return response.reasons?.map(\.code) ?? []
    }

    /// The value of the header `name`.
    func header(_ name: String) -> String? {
        headers[HTTPField.Name(name)!]
    }
}

extension TestClientProtocol {
    /// `GET /v1/invoices/{key}` as a JSON object.
    func invoice(_ key: String, _ state: SandboxState) async throws -> [String: Any] {
        try await execute(uri: "/v1/invoices/\(key)", method: .get, headers: Fixture.auth(state)).object()
    }

    /// `PUT path` with a JSON body and a valid token.
    func put(_ path: String, _ json: String, _ state: SandboxState, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: path, method: .put, headers: Fixture.auth(state, headers), body: Fixture.body(json))
    }
}
