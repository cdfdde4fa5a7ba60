/// One `{Code, Message}` entry of a failed CRUD call, e.g. `INVALID_VALUE` or the transient
/// `LOCK_COMPETITION` (see `ZuoraErrorCode.transientCRUDCodes`).
public struct CRUDError: Codable, Sendable, Hashable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case code = "Code"
        case message = "Message"
    }

    /// Whether the same request may succeed if sent again.
    public var isTransient: Bool { ZuoraErrorCode.transientCRUDCodes.contains(code) }
}
