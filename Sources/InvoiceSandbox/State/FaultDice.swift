import Synchronization

/// The seeded dice that decide which requests get an injected fault and how much jitter each one waits.
///
/// Seeded from the configuration so a run is reproducible as far as request order allows.
final class FaultDice: Sendable {
    private let generator: Mutex<SplitMix64>

    init(seed: UInt64) {
        self.generator = Mutex(SplitMix64(seed: SplitMix64.mix(seed ^ 0xFA17_0000_0000_0000)))
    }

    /// Whether an event of probability `rate` happens this time (never for `rate` ≤ 0, always for ≥ 1).
    func happens(_ rate: Double) -> Bool {
        guard rate > 0 else { return false }
        guard rate < 1 else { return true }
        return generator.withLock { $0.unit() } < rate
    }

    /// A duration between zero and `limit`.
    func upTo(_ limit: Duration) -> Duration {
        guard limit > .zero else { return .zero }
        return limit * generator.withLock { $0.unit() }
    }

    /// A coin toss.
    func heads() -> Bool {
        generator.withLock { $0.next() & 1 == 1 }
    }
}
