import Foundation
import InvoiceBatch
import Testing

/// Credentials from the environment and a file; never shown when printed.
struct ClientCredentialsTests {
    static let environment = [
        "ZUORA_CLIENT_ID": "env-client-id",
        "ZUORA_CLIENT_SECRET": "env-client-secret",
        "APPZEN_API_KEY": "env-api-key",
        "APPZEN_CUSTOMER_ID": "100439",
        "APPZEN_CUSTOMER_KEY": "env-customer-key",
        "PATH": "/usr/bin",
    ]

    /// A credentials file with `text` in a fresh temporary directory.
    static func withFile(_ text: String, _ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "credentials-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("credentials.env").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try body(path)
    }

    @Test func readsEverythingFromTheEnvironment() throws {
        let credentials = try ClientCredentials.load(environment: Self.environment)
        #expect(credentials.zuora == .clientCredentials(clientID: "env-client-id", clientSecret: "env-client-secret"))
        #expect(
            credentials.appZen == .init(apiKey: "env-api-key", customerID: "100439", customerKey: "env-customer-key"))
        #expect(
            Set(credentials.secretValues) == [
                "env-client-id", "env-client-secret", "env-api-key", "100439", "env-customer-key",
            ])
    }

    @Test func aBearerTokenAloneIsUsedAndClientCredentialsWin() throws {
        let bearer = try ClientCredentials.load(environment: ["ZUORA_BEARER_TOKEN": "tok-123"])
        #expect(bearer.zuora == .bearerToken("tok-123"))
        #expect(bearer.appZen == nil)
        var both = Self.environment
        both["ZUORA_BEARER_TOKEN"] = "tok-123"
        #expect(
            try ClientCredentials.load(environment: both).zuora
                == .clientCredentials(clientID: "env-client-id", clientSecret: "env-client-secret"))
        #expect(try ClientCredentials.load(environment: [:]) == ClientCredentials())
    }

    @Test func aFileWinsOverTheEnvironmentKeyByKey() throws {
        let text = """
            # invoicebatch credentials
            export ZUORA_CLIENT_SECRET="file-secret"\r
            APPZEN_CUSTOMER_KEY = 'file-customer-key'

            ZUORA_BEARER_TOKEN=
            """
        try Self.withFile(text) { path in
            let credentials = try ClientCredentials.load(environment: Self.environment, file: path)
            #expect(credentials.zuora == .clientCredentials(clientID: "env-client-id", clientSecret: "file-secret"))
            #expect(credentials.appZen?.customerKey == "file-customer-key")
            #expect(credentials.appZen?.apiKey == "env-api-key")
        }
    }

    @Test(arguments: [
        ("ZUORA_CLIENT_ID=abc\nZUORA_CLIENT_SECRET", "credentials.env:2: expected KEY=VALUE"),
        ("ZUORA_CLIENT_SECERT=abc", "unknown key 'ZUORA_CLIENT_SECERT'"),
    ])
    func aBadFileLineIsNamedWithoutItsValue(text: String, expected: String) throws {
        try Self.withFile(text) { path in
            #expect {
                _ = try ClientCredentials.load(environment: [:], file: path)
            } throws: { error in
                let message = (error as? CredentialsError)?.message ?? ""
                return message.contains(expected) && !message.contains("=abc")
            }
        }
    }

    @Test func incompleteSetsAreErrors() {
        #expect(throws: CredentialsError.self) {
            try ClientCredentials.load(environment: ["ZUORA_CLIENT_ID": "only-id"])
        }
        #expect {
            try ClientCredentials.load(environment: ["APPZEN_API_KEY": "key"])
        } throws: { error in
            let message = (error as? CredentialsError)?.message ?? ""
            return message.contains("APPZEN_CUSTOMER_ID and APPZEN_CUSTOMER_KEY are not set")
                && !message.contains("key\"")
        }
        #expect(throws: CredentialsError.self) {
            try ClientCredentials.load(environment: [:], file: "/nonexistent/\(UUID().uuidString)")
        }
    }

    @Test func printingNeverShowsASecret() throws {
        let credentials = try ClientCredentials.load(environment: Self.environment)
        var dumped = ""
        dump(credentials, to: &dumped)
        var dumpedParts = ""
        dump(credentials.zuora, to: &dumpedParts)
        dump(credentials.appZen, to: &dumpedParts)
        let shown = [
            credentials.description, credentials.debugDescription, String(describing: credentials), "\(credentials)",
            String(reflecting: credentials), dumped, dumpedParts, "\(credentials.zuora!)", "\(credentials.appZen!)",
            String(reflecting: credentials.zuora!),
        ]
        for text in shown {
            #expect(text.contains("***"))
            for secret in credentials.secretValues { #expect(!text.contains(secret), "\(text)") }
        }
        #expect(credentials.redact("id=env-client-id secret=env-client-secret") == "id=*** secret=***")
    }
}
