import Synchronization

/// The OAuth tokens issued, each with its expiry.
///
/// Tokens are random per sandbox run (they are secrets, not state a test compares), so they come from the
/// system generator rather than the seeded one.
final class TokenStore: Sendable {
    private let expiries = Mutex<[String: ContinuousClock.Instant]>([:])

    /// A new token valid for `ttl`.
    func issue(ttl: Duration) -> String {
        var generator = SystemRandomNumberGenerator()
        let token = SplitMix64.hex(generator.next()) + SplitMix64.hex(generator.next())
        let now = ContinuousClock.now
        expiries.withLock { expiries in
            if expiries.count > 10_000 {
                expiries = expiries.filter { $0.value > now }
            }
            expiries[token] = now.advanced(by: ttl)
        }
        return token
    }

    /// Whether `token` was issued here and has not expired.
    func isValid(_ token: String) -> Bool {
        let now = ContinuousClock.now
        return expiries.withLock { expiries in
            guard let expiry = expiries[token] else { return false }
            return expiry > now
        }
    }
}
