/// The credentials a sandbox accepts: OAuth client credentials for Zuora, three headers for AppZen.
///
/// The defaults are fixed and printed by `invoicebatch sandbox`, so a user can paste them into curl; they
/// are shaped like the real ones (a 36-character client ID, a secret of at most 42 characters).
public struct SandboxCredentials: Sendable, Hashable {
    public var clientID: String
    public var clientSecret: String
    public var appZenAPIKey: String
    public var appZenCustomerID: String
    public var appZenCustomerKey: String

    public init(
        clientID: String = SandboxCredentials.defaults.clientID,
        clientSecret: String = SandboxCredentials.defaults.clientSecret,
        appZenAPIKey: String = SandboxCredentials.defaults.appZenAPIKey,
        appZenCustomerID: String = SandboxCredentials.defaults.appZenCustomerID,
        appZenCustomerKey: String = SandboxCredentials.defaults.appZenCustomerKey
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.appZenAPIKey = appZenAPIKey
        self.appZenCustomerID = appZenCustomerID
        self.appZenCustomerKey = appZenCustomerKey
    }

    private init(uncheckedClientID: String, clientSecret: String, apiKey: String, customerID: String, customerKey: String) {
        self.clientID = uncheckedClientID
        self.clientSecret = clientSecret
        self.appZenAPIKey = apiKey
        self.appZenCustomerID = customerID
        self.appZenCustomerKey = customerKey
    }

    /// The credentials every sandbox accepts unless told otherwise.
    public static let defaults = SandboxCredentials(
        uncheckedClientID: "5a4db0c1-0000-4000-8000-5a4db0c1e2f3",
        clientSecret: "sandbox-client-secret-not-for-production",
        apiKey: "sandbox-appzen-api-key",
        customerID: "100439",
        customerKey: "sandbox-appzen-customer-key"
    )
}
