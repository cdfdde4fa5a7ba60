import Synchronization

/// Makes `Zuora-Request-Id` values (36-character UUIDs, as the OpenAPI's headers say) and `processId`s,
/// unique per sandbox without a lock: a counter scrambled by SplitMix64's bijective mix.
final class RequestIDGenerator: Sendable {
    private let counter = Atomic<UInt64>(0)
    private let base: UInt64

    init() {
        var system = SystemRandomNumberGenerator()
        self.base = system.next()
    }

    /// A new request ID, e.g. `1f0c7a52-9d3e-4b8a-a1c4-6e2f0d9b7c35`.
    func next() -> String {
        let n = counter.add(1, ordering: .relaxed).newValue
        return SplitMix64.uuid(high: SplitMix64.mix(base ^ n), low: SplitMix64.mix(~base &+ n))
    }

    /// A process ID: 16 uppercase hex digits, as Zuora's look.
    func processID() -> String {
        let n = counter.add(1, ordering: .relaxed).newValue
        return SplitMix64.hex(SplitMix64.mix(base &+ n &* 31)).uppercased()
    }

    /// An AppZen-style error code: 8 lowercase hex digits.
    func shortCode() -> String {
        let n = counter.add(1, ordering: .relaxed).newValue
        return SplitMix64.hex(SplitMix64.mix(base ^ (n << 7)), digits: 8)
    }
}
