import Synchronization

/// Counts the requests in flight against a concurrency limit.
final class ConcurrencyGauge: Sendable {
    private let inFlight = Mutex(0)

    /// Admits one more request if fewer than `limit` are in flight: the slots left after it, or `nil` when
    /// refused (nothing is counted then).
    func enter(limit: Int) -> Int? {
        inFlight.withLock { count in
            guard count < limit else { return nil }
            count += 1
            return limit - count
        }
    }

    /// Ends a request admitted by `enter(limit:)`.
    func leave() {
        inFlight.withLock { $0 -= 1 }
    }
}
