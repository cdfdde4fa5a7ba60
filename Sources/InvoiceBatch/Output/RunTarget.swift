import InvoiceAPI

/// Where a run sent its requests, as the summary and the run directory record it: a name and base URLs, never a
/// credential.
///
/// A URL can carry a password (`https://user:secret@host`), so the userinfo part is removed from every URL given
/// here before it is stored.
public struct RunTarget: Sendable, Hashable {
    /// `embedded sandbox`, a `--zuora-env` name (`us-sandbox`, …) or `custom`.
    public var name: String
    /// The Zuora base URL.
    public var zuoraURL: String?
    /// The AppZen base URL.
    public var appzenURL: String?

    /// The name a run against the in-process simulator records: its invoices lived only as long as that process.
    public static let embeddedSandboxName = "embedded sandbox"

    public init(name: String, zuoraURL: String? = nil, appzenURL: String? = nil) {
        self.name = name
        self.zuoraURL = zuoraURL.map(Self.withoutUserInfo)
        self.appzenURL = appzenURL.map(Self.withoutUserInfo)
    }

    /// `scheme://user:password@host/…` → `scheme://host/…`.
    public static func withoutUserInfo(_ url: String) -> String {
        let bytes = Array(url.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), bytes[colon...].starts(with: "://".utf8) else {
            return url
        }
        let authorityStart = colon + 3
        var authorityEnd = authorityStart
        while authorityEnd < bytes.count, !"/?#".utf8.contains(bytes[authorityEnd]) { authorityEnd += 1 }
        guard let at = bytes[authorityStart..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) else { return url }
        let kept: [UInt8] = Array(bytes[..<authorityStart]) + Array(bytes[(at + 1)...])
        return String(decoding: kept, as: UTF8.self)
    }

    var jsonObject: JSONObject {
        var object = JSONObject()
        object["name"] = .string(name)
        object["zuoraUrl"] = zuoraURL.map(JSONValue.string) ?? .null
        object["appzenUrl"] = appzenURL.map(JSONValue.string) ?? .null
        return object
    }
}
