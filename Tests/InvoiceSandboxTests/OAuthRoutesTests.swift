import Foundation
import HTTPTypes
import HummingbirdTesting
import InvoiceAPI
import InvoiceSandbox
import NIOCore
import Testing

/// `POST /oauth/token` and the bearer check on `/v1`.
struct OAuthRoutesTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func credentialsForm(secret: String = SandboxCredentials.defaults.clientSecret, grant: String = "client_credentials") -> String {
        "client_id=\(SandboxCredentials.defaults.clientID)&client_secret=\(secret)&grant_type=\(grant)"
    }

    @Test func issuesATokenThatOpensV1() async throws {
        try await Fixture.withRouter({ $0.tokenTTL = .seconds(120) }) { state, client in
            let response = try await client.execute(
                uri: "/oauth/token", method: .post, headers: Self.form, body: Fixture.body(Self.credentialsForm())
            )
            #expect(response.status == .ok)
            let token = try response.decode(OAuthTokenResponse.self)
            #expect(token.tokenType == "bearer")
            #expect(token.expiresIn == 120)
            #expect(token.accessToken.count == 32)
            #expect(response.header("X-RateLimit-Limit-minute") == "100")
            #expect(response.header("X-RateLimit-Remaining-minute") == "99")
            let invoice = try await client.execute(
                uri: "/v1/invoices/INV-00000001", method: .get, headers: [.authorization: "Bearer \(token.accessToken)"]
            )
            #expect(invoice.status == .ok)
            #expect(state.statistics.tokensIssued == 1)
        }
    }

    @Test func percentEncodedFormValuesAreDecoded() async throws {
        try await Fixture.withRouter({ $0.credentials.clientSecret = "a+b/c=d e" }) { _, client in
            let response = try await client.execute(
                uri: "/oauth/token", method: .post, headers: Self.form,
                body: Fixture.body(Self.credentialsForm(secret: "a%2Bb%2Fc%3Dd+e"))
            )
            #expect(response.status == .ok)
        }
    }

    @Test(arguments: [
        ("wrong secret", credentialsForm(secret: "nope"), HTTPResponse.Status.unauthorized, "invalid_client"),
        ("wrong grant", credentialsForm(grant: "password"), .badRequest, "unsupported_grant_type"),
        ("missing secret", "client_id=x&grant_type=client_credentials", .badRequest, "invalid_request"),
    ])
    func refusesBadRequestsTheOAuthWay(_ name: String, form: String, status: HTTPResponse.Status, error: String) async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.execute(
                uri: "/oauth/token", method: .post, headers: Self.form, body: Fixture.body(form)
            )
            #expect(response.status == status)
            #expect(try response.object()["error"] as? String == error)
            #expect(state.statistics.tokenRequests == 1 && state.statistics.tokensIssued == 0)
        }
    }

    @Test func theTokenEndpointIsRateLimited() async throws {
        try await Fixture.withRouter({ $0.tokenRequestsPerMinute = 2 }) { state, client in
            for _ in 1...2 {
                let response = try await client.execute(
                    uri: "/oauth/token", method: .post, headers: Self.form, body: Fixture.body(Self.credentialsForm())
                )
                #expect(response.status == .ok)
            }
            let refused = try await client.execute(
                uri: "/oauth/token", method: .post, headers: Self.form, body: Fixture.body(Self.credentialsForm())
            )
            #expect(refused.status == .tooManyRequests)
            #expect(Int(refused.header("Retry-After") ?? "") ?? 0 >= 1)
            #expect(refused.header("X-RateLimit-Remaining-minute") == "0")
            #expect(state.statistics.tooManyRequests == 1)
        }
    }

    @Test(arguments: [nil, "Bearer not-a-token", "Basic dXNlcjpwYXNz", "Bearer "])
    func v1WithoutAValidTokenIs401(authorization: String?) async throws {
        try await Fixture.withRouter { _, client in
            var headers: HTTPFields = [:]
            if let authorization { headers[.authorization] = authorization }
            for (method, path) in [
                (HTTPRequest.Method.get, "/v1/invoices/INV-00000001"), (.put, "/v1/invoices/INV-00000001"),
                (.put, "/v1/object/invoice/0123456789abcdef0123456789abcdef"),
                (.put, "/v1/invoices/INV-00000001/e-invoice/sync-status"),
            ] {
                let response = try await client.execute(uri: path, method: method, headers: headers, body: Fixture.body("{}"))
                #expect(response.status == .unauthorized)
                #expect(try response.decode(ProxyMessage.self) == .authenticationError)
                #expect(response.header("WWW-Authenticate") == "Basic realm=Zuora API, ZSession realm=Zuora API, Bearer realm=Zuora API")
            }
        }
    }

    @Test func theBearerSchemeIsCaseInsensitive() async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.execute(
                uri: "/v1/invoices/INV-00000001", method: .get, headers: [.authorization: "bearer \(state.issueToken())"]
            )
            #expect(response.status == .ok)
        }
    }
}
