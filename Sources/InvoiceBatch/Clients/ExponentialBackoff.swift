/// How long to wait before the next retry: exponential growth with full jitter, `random(0 ... min(cap, base * 2^n))`
/// for the `n`-th retry (counting from 0).
///
/// Full jitter (rather than a fixed doubling) spreads the retries of many rows that failed together — a 503
/// burst, a lock storm — over the whole window instead of sending them back in one wave.
public struct ExponentialBackoff: Sendable {
    /// The window of the first retry.
    public var base: Duration
    /// The largest window, however many retries came before.
    public var cap: Duration
    /// A number in `0...1`; injectable so tests can pin the jitter.
    public var random: @Sendable () -> Double

    public init(
        base: Duration = .milliseconds(250),
        cap: Duration = .seconds(30),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.base = base
        self.cap = cap
        self.random = random
    }

    /// The upper bound of the wait before retry `retry` (0 for the first retry): `min(cap, base * 2^retry)`.
    public func window(retry: Int) -> Duration {
        let exponent = min(max(retry, 0), 62)
        let seconds = base.inSeconds * Double(UInt64(1) << UInt64(exponent))
        return seconds >= cap.inSeconds ? cap : .seconds(seconds)
    }

    /// A random wait in `0 ... window(retry:)`.
    public func delay(retry: Int) -> Duration {
        window(retry: retry) * min(max(random(), 0), 1)
    }
}
