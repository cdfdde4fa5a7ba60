/// Paces every HTTP attempt of a run: one shared limiter that all row tasks (and their retries) ask before
/// sending, and tell what the provider said about its limits, so a 429 slows the whole run down, not only the
/// row that got it.
public protocol RequestPacer: Sendable {
    /// Waits until one more request may be sent (rate budget, and any pause a 429 asked for).
    /// - Throws: `CancellationError` when the waiting task is cancelled.
    func acquire() async throws
    /// What a response said about the provider's limits.
    func record(_ signal: PacingSignal)
}

/// What one response told about the provider's limits.
public enum PacingSignal: Sendable, Hashable {
    /// HTTP 429: back off; `retryAfter` from `Retry-After` (or `ratelimit-reset`) when the provider said.
    case tooManyRequests(retryAfter: Duration?)
    /// The limit headers of an answered request (`Concurrency-Limit-Remaining`, `ratelimit-remaining`,
    /// `ratelimit-reset` in seconds), each `nil` when absent.
    case remaining(concurrency: Int?, rate: Int?, resetIn: Duration?)
}
