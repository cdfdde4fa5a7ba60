/// How often and how patiently a request is tried: the attempt budget, the backoff between attempts, and how
/// far a provider's `Retry-After` is honoured.
struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    var maxAttempts: Int
    var backoff: ExponentialBackoff
    /// The longest `Retry-After` of a 429 obeyed; a longer one is cut to this (a broken header must not park
    /// a row for hours).
    var maxRetryAfter: Duration

    /// The wait before retry `retry` (0 for the first) after an answer with `status` and `retryAfter`.
    ///
    /// A 429's `Retry-After` is an instruction: waited for in full, up to `maxRetryAfter`. On other statuses
    /// (a 503's) it is a hint, bounded by the backoff cap, so a flaky gateway cannot slow a retry down more
    /// than our own backoff would.
    func delay(retry: Int, status: Int?, retryAfter: Duration?) -> Duration {
        let jittered = backoff.delay(retry: retry)
        guard let retryAfter else { return jittered }
        let bound = status == 429 ? maxRetryAfter : backoff.cap
        return max(jittered, min(retryAfter, bound))
    }
}
