/// One `{code, message}` entry of a Zuora REST failure (`reasons[]`).
///
/// `code` is kept as text: it is an 8-digit `ZuoraErrorCode` on the v1 REST API, but other shapes (the 500
/// sample's `ObjectNotFound`) exist, and a decoder must never fail on a code it does not know.
public struct ZuoraReason: Codable, Sendable, Hashable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// The code parsed as an 8-digit Zuora error code, if it is one.
    public var errorCode: ZuoraErrorCode? { ZuoraErrorCode(code) }
}
