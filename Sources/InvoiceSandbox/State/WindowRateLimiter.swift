import Synchronization

/// A fixed-window request quota (per minute for Zuora's rate limit), reporting what the `ratelimit-*`
/// headers say: the quota left and the seconds until the window resets.
final class WindowRateLimiter: Sendable {
    /// The verdict on one request.
    struct Decision: Sendable {
        var allowed: Bool
        var remaining: Int
        /// Whole seconds until the window resets (at least 1).
        var resetSeconds: Int
    }

    private let window: Duration
    private let state: Mutex<(start: ContinuousClock.Instant, count: Int)>

    init(window: Duration) {
        self.window = window
        self.state = Mutex((start: .now, count: 0))
    }

    /// Counts one request against `limit`.
    func take(limit: Int) -> Decision {
        let now = ContinuousClock.now
        return state.withLock { state in
            if now - state.start >= window {
                state = (start: now, count: 0)
            }
            let left = window - (now - state.start)
            let resetSeconds = max(1, Int((left / .seconds(1)).rounded(.up)))
            guard state.count < limit else {
                return Decision(allowed: false, remaining: 0, resetSeconds: resetSeconds)
            }
            state.count += 1
            return Decision(allowed: true, remaining: limit - state.count, resetSeconds: resetSeconds)
        }
    }
}
