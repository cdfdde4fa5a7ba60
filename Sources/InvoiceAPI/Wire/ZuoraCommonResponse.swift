/// The body of most Zuora v1 REST answers (the OpenAPI's `CommonResponse`): `success`, and on failure the
/// `reasons`. Zuora answers business failures with HTTP 200 and `success: false`, so the outcome of a call
/// is read from here, never from the status code alone.
public struct ZuoraCommonResponse: Codable, Sendable, Hashable {
    public var success: Bool
    /// The ID of the process that handled the request.
    public var processId: String?
    /// Zuora's identifier of the request (also in the `Zuora-Request-Id` header).
    public var requestId: String?
    /// Present only when `success` is false.
    public var reasons: [ZuoraReason]?

    public init(success: Bool, processId: String? = nil, requestId: String? = nil, reasons: [ZuoraReason]? = nil) {
        self.success = success
        self.processId = processId
        self.requestId = requestId
        self.reasons = reasons
    }
}
