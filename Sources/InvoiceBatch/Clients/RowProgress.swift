/// What one row's call has gathered so far — attempts, the last answer's IDs, the last failure, read-back
/// findings — and whether a change may have landed unseen; it becomes the row's `CallOutcome`.
struct RowProgress: Sendable {
    let started = ContinuousClock.now
    var attempts = 0
    var httpStatus: Int?
    var requestID: String?
    var trackID: String?
    var processID: String?
    var tooManyRequests = 0
    var lastFailure: (code: String, message: String)?
    var readBacks: [String] = []
    /// An attempt may have reached the server unanswered, and no read-back has shown it did not apply.
    var mayHaveApplied = false

    /// The codes of a cancelled call: `cancelled` when nothing can have been applied (safe to send again),
    /// `interrupted` when an attempt may have reached the server.
    static let cancelledCode = ClientError.cancelledCode
    static let interruptedCode = "interrupted"

    mutating func record(_ answer: ProviderAnswer) {
        httpStatus = answer.status
        requestID = answer.requestID
        if let processID = answer.processID { self.processID = processID }
    }

    func succeeded() -> CallOutcome {
        outcome(.succeeded, code: nil, message: nil)
    }

    /// Failed with the last failure seen.
    func failed() -> CallOutcome {
        outcome(.failed, code: lastFailure?.code ?? "unknown", message: lastFailure?.message ?? "no answer")
    }

    func failed(code: String, message: String) -> CallOutcome {
        outcome(.failed, code: code, message: message)
    }

    func cancelled() -> CallOutcome {
        mayHaveApplied
            ? outcome(
                .failed, code: Self.interruptedCode,
                message:
                    "cancelled after a request may have reached the server: the change may or may not have been applied"
            )
            : outcome(
                .failed, code: Self.cancelledCode,
                message: "cancelled before any request could have been applied; safe to send again")
    }

    private func outcome(_ status: CallOutcome.Status, code: String?, message: String?) -> CallOutcome {
        CallOutcome(
            status: status, httpStatus: httpStatus, errorCode: code, errorMessage: message, attempts: attempts,
            requestID: requestID, trackID: trackID, processID: processID, duration: ContinuousClock.now - started,
            tooManyRequests: tooManyRequests, readBack: readBacks.isEmpty ? nil : readBacks.joined(separator: "; ")
        )
    }
}
