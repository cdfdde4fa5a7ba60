/// The faults a sandbox injects on purpose, as counted in its statistics.
public enum SandboxFault: String, Sendable, Hashable, CaseIterable {
    /// Answered 503 without applying the request (`failRate`).
    case serverError = "server-error"
    /// Answered with lock contention without applying the request (`lockRate`).
    case lockContention = "lock-contention"
    /// Connection dropped before the request was applied (`resetRate`, phase `before`).
    case resetBeforeChange = "reset-before"
    /// Connection dropped after the request was applied (`resetRate`, phase `after`).
    case resetAfterChange = "reset-after"
}
