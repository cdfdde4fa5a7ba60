import Synchronization

/// The run's one pacer: a token bucket for `--rate`/`--burst`, a shared pause when a provider answers 429, and
/// an adaptive concurrency target that the dispatcher reads before starting a row.
///
/// Why both knobs: Zuora refuses two ways — too many requests in flight (`Concurrency-Limit-*`, shared with
/// every other integration of the tenant) and too many per minute (`ratelimit-*`). Halving the rate and the
/// window on a 429 and growing them back slowly (AIMD) keeps the run polite without user tuning; reading the
/// `…-remaining` headers lets it slow down *before* it is refused.
public final class FlowControl: RequestPacer {
    /// How the limits are set.
    public struct Configuration: Sendable {
        /// Requests per second; `nil` for no fixed rate (only 429s and the remaining headers slow it down).
        public var rate: Double?
        /// Tokens the bucket holds: how many requests may go at once after a quiet spell. Defaults to a twentieth
        /// of the rate, so no one-second window carries more than about 105 % of `--rate`.
        public var burst: Int
        /// The configured concurrency (`--concurrency`): the window never grows beyond it.
        public var concurrency: Int
        /// Below this many `Concurrency-Limit-Remaining`, the window stops growing and steps down.
        public var concurrencyHeadroom: Int
        /// Below this many `ratelimit-remaining`, requests are spread over what is left of the window.
        public var rateHeadroom: Int
        /// How long after the last 429 the window and rate start to grow back.
        public var recoveryDelay: Duration

        public init(
            rate: Double? = nil, burst: Int? = nil, concurrency: Int = 10, concurrencyHeadroom: Int = 2,
            rateHeadroom: Int = 5, recoveryDelay: Duration = .seconds(2)
        ) {
            self.rate = rate.flatMap { $0 > 0 ? $0 : nil }
            self.burst = max(1, burst ?? Int(((rate ?? 20) / 20).rounded(.down)))
            self.concurrency = max(1, concurrency)
            self.concurrencyHeadroom = concurrencyHeadroom
            self.rateHeadroom = rateHeadroom
            self.recoveryDelay = recoveryDelay
        }
    }

    /// Counters for the summary.
    public struct Statistics: Sendable, Hashable {
        public var tooManyRequests = 0
        public var pauses = 0
        public var lowestWindow: Int
        public var waitedNanoseconds: Int64 = 0
    }

    private struct State {
        var tokens: Double
        var lastRefill: ContinuousClock.Instant
        /// The rate in force (≤ configured); `nil` when there is no fixed rate and none was imposed.
        var rate: Double?
        var window: Double
        var pausedUntil: ContinuousClock.Instant
        var last429: ContinuousClock.Instant?
        var lastGrowth: ContinuousClock.Instant
        var statistics: Statistics
    }

    public let configuration: Configuration
    private let clock = ContinuousClock()
    private let state: Mutex<State>

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        let now = ContinuousClock.now
        self.state = Mutex(
            State(
                tokens: Double(configuration.burst), lastRefill: now, rate: configuration.rate,
                window: Double(configuration.concurrency), pausedUntil: now, last429: nil, lastGrowth: now,
                statistics: Statistics(lowestWindow: configuration.concurrency)
            )
        )
    }

    /// How many rows may be in flight now (1 … `--concurrency`).
    public var concurrencyTarget: Int {
        state.withLock { state in
            grow(&state, now: clock.now)
            return max(1, Int(state.window))
        }
    }

    public var statistics: Statistics {
        state.withLock { $0.statistics }
    }

    public func acquire() async throws {
        while true {
            try Task.checkCancellation()
            let wait: Duration = state.withLock { state in
                let now = clock.now
                grow(&state, now: now)
                if state.pausedUntil > now { return state.pausedUntil - now }
                guard let rate = state.rate else { return .zero }
                let elapsed = now - state.lastRefill
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                state.tokens = min(Double(configuration.burst), state.tokens + seconds * rate)
                state.lastRefill = now
                if state.tokens >= 1 {
                    state.tokens -= 1
                    return .zero
                }
                return .seconds((1 - state.tokens) / rate)
            }
            if wait == .zero { return }
            state.withLock { $0.statistics.waitedNanoseconds += Int64(wait.components.seconds * 1_000_000_000) + wait.components.attoseconds / 1_000_000_000 }
            try await Task.sleep(for: wait, tolerance: .milliseconds(1))
        }
    }

    public func record(_ signal: PacingSignal) {
        state.withLock { state in
            let now = clock.now
            switch signal {
            case .tooManyRequests(let retryAfter):
                state.statistics.tooManyRequests += 1
                let pause = min(retryAfter ?? .seconds(1), .seconds(60))
                if now + pause > state.pausedUntil {
                    state.pausedUntil = now + pause
                    state.statistics.pauses += 1
                }
                // Multiplicative decrease, at most once per pause: a burst of 429s from one overload is one signal.
                if state.last429.map({ now - $0 > .milliseconds(500) }) ?? true {
                    state.window = max(1, state.window / 2)
                    if let rate = state.rate { state.rate = max(0.5, rate / 2) }
                    state.statistics.lowestWindow = min(state.statistics.lowestWindow, Int(state.window))
                }
                state.last429 = now
                state.lastGrowth = now
            case .remaining(let concurrency, let rate, let resetIn):
                if let concurrency, concurrency < configuration.concurrencyHeadroom {
                    state.window = max(1, state.window - 1)
                    state.lastGrowth = now
                    state.statistics.lowestWindow = min(state.statistics.lowestWindow, Int(state.window))
                }
                if let rate, rate < configuration.rateHeadroom {
                    // Spread what is left of this rate window over the time until it resets.
                    let seconds = resetIn.map { Double($0.components.seconds) } ?? 60
                    let spread = Double(max(rate, 0)) / max(seconds, 1)
                    if spread < 1 {
                        let pause = Duration.seconds(max(seconds, 1) / Double(max(rate, 1)))
                        if now + pause > state.pausedUntil { state.pausedUntil = now + pause }
                    }
                }
            }
        }
    }

    /// Additive increase: one slot (and 10 % of the configured rate) per recovery delay without a 429.
    private func grow(_ state: inout State, now: ContinuousClock.Instant) {
        let quiet = state.last429.map { now - $0 } ?? .seconds(3600)
        guard quiet >= configuration.recoveryDelay, now - state.lastGrowth >= configuration.recoveryDelay else { return }
        state.lastGrowth = now
        state.window = min(Double(configuration.concurrency), state.window + 1)
        if let configured = configuration.rate, let rate = state.rate {
            state.rate = min(configured, rate + configured / 10)
        } else if configuration.rate == nil {
            state.rate = nil
        }
    }
}
