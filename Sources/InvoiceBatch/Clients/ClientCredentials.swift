/// The secrets a run authenticates with: Zuora OAuth client credentials (or a ready bearer token) and AppZen's
/// three headers.
///
/// They come from the environment or a credentials file, never from argv (a command line is visible to every
/// user of the machine and lands in shell history). Printing a value of this type never shows a secret, and
/// `secretValues` lists every secret so outputs can prove they hold none, and redact what the provider echoes.
public struct ClientCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// How requests to Zuora are authorised.
    public enum Zuora: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        /// OAuth client credentials, exchanged for a bearer token at `POST /oauth/token` and refreshed as needed.
        case clientCredentials(clientID: String, clientSecret: String)
        /// A bearer token obtained elsewhere; it cannot be refreshed, so a 401 fails the row.
        case bearerToken(String)

        public var description: String {
            switch self {
            case .clientCredentials: "Zuora client credentials (client ID ***, secret ***)"
            case .bearerToken: "Zuora bearer token ***"
            }
        }

        public var debugDescription: String { description }
        public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }
    }

    /// AppZen's three request headers.
    public struct AppZen: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        public var apiKey: String
        public var customerID: String
        public var customerKey: String

        public init(apiKey: String, customerID: String, customerKey: String) {
            self.apiKey = apiKey
            self.customerID = customerID
            self.customerKey = customerKey
        }

        public var description: String { "AppZen API key ***, customer ID ***, customer key ***" }
        public var debugDescription: String { description }
        public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
    }

    /// `nil` when no Zuora credentials were given: Zuora rows then fail with `missing-credentials`.
    public var zuora: Zuora?
    /// `nil` when no AppZen credentials were given: `appzen-sync` rows then fail with `missing-credentials`.
    public var appZen: AppZen?

    public init(zuora: Zuora? = nil, appZen: AppZen? = nil) {
        self.zuora = zuora
        self.appZen = appZen
    }

    /// Every secret value held, longest first (so redacting one never leaves part of a longer one behind).
    ///
    /// The Zuora client ID is included: it is half of the credential pair and worthless to leak. The AppZen
    /// customer ID is not a secret on its own but travels with the key, so it is included too.
    public var secretValues: [String] {
        var values: [String] = []
        switch zuora {
        case .clientCredentials(let clientID, let clientSecret): values += [clientID, clientSecret]
        case .bearerToken(let token): values.append(token)
        case nil: break
        }
        if let appZen { values += [appZen.apiKey, appZen.customerID, appZen.customerKey] }
        return values.filter { !$0.isEmpty }.sorted { $0.utf8.count > $1.utf8.count }
    }

    /// `text` with every secret value replaced by `***`.
    public func redact(_ text: String) -> String {
        Self.redact(text, secrets: secretValues)
    }

    /// `text` with every value of `secrets` replaced by `***` (longest first).
    static func redact(_ text: String, secrets: [String]) -> String {
        var text = text
        for secret in secrets.sorted(by: { $0.utf8.count > $1.utf8.count }) where !secret.isEmpty {
            text = text.replacing(secret, with: "***")
        }
        return text
    }

    public var description: String {
        "\(zuora?.description ?? "no Zuora credentials"); \(appZen?.description ?? "no AppZen credentials")"
    }

    public var debugDescription: String { "ClientCredentials(\(description))" }
    /// What `dump` and debuggers show: the redacted description, not the fields.
    public var customMirror: Mirror { Mirror(self, children: ["credentials": description], displayStyle: .struct) }
}
