/// AppZen's error body (the status-sync page's failure sample):
/// `{"timestamp": "2019-01-17T16:12:45.977+0000", "status": 404, "error": "Not Found",
/// "message": "Error code : 17e3338d - The resource you specified cannot be not found"}`.
///
/// The error code a report shows is the hex token inside `message`, hence `errorCode`.
public struct AppZenErrorResponse: Codable, Sendable, Hashable {
    /// When the error happened, e.g. `2019-01-17T16:12:45.977+0000`.
    public var timestamp: String
    /// The HTTP status, repeated.
    public var status: Int
    /// The HTTP reason phrase, e.g. `Not Found`.
    public var error: String
    /// `Error code : <hex> - <text>`.
    public var message: String

    public init(timestamp: String, status: Int, error: String, message: String) {
        self.timestamp = timestamp
        self.status = status
        self.error = error
        self.message = message
    }

    /// The `<hex>` of `Error code : <hex> - …`, or `nil` when the message does not have that form.
    public var errorCode: String? {
        let prefix = "Error code : "
        guard message.hasPrefix(prefix) else { return nil }
        let rest = message.dropFirst(prefix.count)
        let code = rest.prefix { $0 != " " }
        return code.isEmpty ? nil : String(code)
    }
}
