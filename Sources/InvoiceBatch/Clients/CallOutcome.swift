/// The final outcome of sending one row's operation, after every retry: what the provider answered last,
/// in its own words (code and message), and what it took to get there.
public struct CallOutcome: Sendable, Hashable {
    /// Did the change land?
    public enum Status: String, Sendable, Hashable {
        case succeeded
        case failed
    }

    public var status: Status
    /// The HTTP status of the last answered attempt; `nil` when no attempt got an answer.
    public var httpStatus: Int?
    /// The provider's error code: a REST `reasons[0].code` (8 digits), a CRUD `Errors[0].Code`, AppZen's hex
    /// `Error code : …`; or ours for transport failures (`timeout`, `connection-error`, …).
    public var errorCode: String?
    /// The provider's message, every reason joined; or what went wrong on the way. Never holds a secret.
    public var errorMessage: String?
    /// HTTP attempts made for this row (token and read-back requests not counted).
    public var attempts: Int
    /// `Zuora-Request-Id` of the last answered attempt.
    public var requestID: String?
    /// `Zuora-Track-Id` sent with the last attempt.
    public var trackID: String?
    /// `processId` from the last answer, when the provider gave one.
    public var processID: String?
    /// From the first attempt's start to the final answer, backoff included.
    public var duration: Duration
    /// 429 answers among the attempts.
    public var tooManyRequests: Int
    /// What a read-back of the invoice found after an unanswered attempt of a non-repeatable request.
    public var readBack: String?

    public init(
        status: Status, httpStatus: Int? = nil, errorCode: String? = nil, errorMessage: String? = nil,
        attempts: Int, requestID: String? = nil, trackID: String? = nil, processID: String? = nil,
        duration: Duration, tooManyRequests: Int = 0, readBack: String? = nil
    ) {
        self.status = status
        self.httpStatus = httpStatus
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.attempts = attempts
        self.requestID = requestID
        self.trackID = trackID
        self.processID = processID
        self.duration = duration
        self.tooManyRequests = tooManyRequests
        self.readBack = readBack
    }
}
