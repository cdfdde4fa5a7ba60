/// One HTTP attempt as the audit log records it, secrets already redacted by the caller.
///
/// Bodies are bytes, so a body that is not valid UTF-8 reaches the log as it was (in base64) instead of being
/// repaired on the way; headers, the path and error texts are already strings on the client side.
public struct AuditExchange: Sendable {
    /// A header as sent or received.
    public struct Header: Sendable {
        public var name: String
        public var value: String
        /// The value was replaced by the redaction marker.
        public var redacted: Bool

        public init(name: String, value: String, redacted: Bool = false) {
            self.name = name
            self.value = value
            self.redacted = redacted
        }
    }

    /// `row-request`, `token`, `read-back`, `key-resolution`.
    public var kind: String
    public var row: Int?
    public var sourceRow: Int?
    public var action: String?
    public var invoiceKey: String?
    public var attempt: Int
    /// ISO 8601 UTC with milliseconds.
    public var startedAt: String

    public var method: String
    public var baseURL: String
    public var pathAndQuery: String
    public var requestHeaders: [Header]
    /// Decoded (before any gzip); `requestContentEncoding` says how it travelled.
    public var requestBody: [UInt8]
    public var requestContentEncoding: String?
    public var requestBodyRedacted: Bool

    /// `nil` when no answer came (then `transportError` says why).
    public var responseStatus: Int?
    public var responseHeaders: [Header]
    public var responseBody: [UInt8]
    public var responseBodyRedacted: Bool
    public var transportError: String?
    public var duration: Duration

    public init(
        kind: String, row: Int?, sourceRow: Int?, action: String?, invoiceKey: String?, attempt: Int,
        startedAt: String, method: String, baseURL: String, pathAndQuery: String, requestHeaders: [Header],
        requestBody: [UInt8], requestContentEncoding: String? = nil, requestBodyRedacted: Bool = false,
        responseStatus: Int?, responseHeaders: [Header], responseBody: [UInt8], responseBodyRedacted: Bool = false,
        transportError: String?, duration: Duration
    ) {
        self.kind = kind
        self.row = row
        self.sourceRow = sourceRow
        self.action = action
        self.invoiceKey = invoiceKey
        self.attempt = attempt
        self.startedAt = startedAt
        self.method = method
        self.baseURL = baseURL
        self.pathAndQuery = pathAndQuery
        self.requestHeaders = requestHeaders
        self.requestBody = requestBody
        self.requestContentEncoding = requestContentEncoding
        self.requestBodyRedacted = requestBodyRedacted
        self.responseStatus = responseStatus
        self.responseHeaders = responseHeaders
        self.responseBody = responseBody
        self.responseBodyRedacted = responseBodyRedacted
        self.transportError = transportError
        self.duration = duration
    }
}
