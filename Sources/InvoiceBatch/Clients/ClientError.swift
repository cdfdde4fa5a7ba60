#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A request the client could not complete for a caller that needs its answer (a token, an invoice ID): the
/// provider's code and message when it answered, ours (`timeout`, `connection-error`, `cancelled`, …) when it
/// did not. Never holds a secret.
///
/// `code` is a plain string rather than a closed set because most codes are the provider's own (`53100040`,
/// `INVALID_ID`, `invalid_client`) and reach the report unchanged.
public struct ClientError: Error, LocalizedError, CustomStringConvertible, Sendable, Hashable {
    /// The provider's code, or ours for transport failures.
    public var code: String
    /// What went wrong, every reason joined; and how to fix it where we know.
    public var message: String
    /// The HTTP status of the last answer, if one came.
    public var httpStatus: Int?
    /// `Zuora-Request-Id` of the last answer.
    public var requestID: String?

    public init(code: String, message: String, httpStatus: Int? = nil, requestID: String? = nil) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestID = requestID
    }

    /// The code of a call given up because its task was cancelled before anything reached the server.
    public static let cancelledCode = "cancelled"

    static let cancelled = ClientError(code: cancelledCode, message: "cancelled before the request was sent")

    public var errorDescription: String? { message }
    public var description: String { "\(code): \(message)" }
}
