import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress on standard error while a run goes: a live bar redrawn in place on a terminal, a plain line every few
/// seconds when standard error is a file or a pipe (a CI log, `2> run.log`), nothing with `--quiet`.
///
/// Rows finish on many tasks at once, so `record` is thread-safe (a `Mutex` around a few counters: an actor would
/// make every finishing row await). Drawing is throttled inside the lock — at most 10 redraws a second live, one
/// line per `interval` plain — so recording a row costs a clock read and a comparison. The rate is the average
/// since this reporter started (a resumed run counts only its own rows); the ETA is what is left at that rate.
/// Nothing is drawn between rows: call `tick()` from a timer to keep the plain line coming during a long stall.
/// The total may be unknown (standard input): then no percentage and no ETA.
public final class ProgressReporter: Sendable {
    /// How progress is shown.
    public enum Style: Sendable, Hashable {
        /// A bar redrawn in place with `\r` (a terminal).
        case live
        /// A line every `interval` (a log).
        case plain(interval: Duration)
        /// Nothing (`--quiet`).
        case quiet

        /// `.quiet` when asked, `.live` when standard error is a terminal, else `.plain(interval)`.
        public static func automatic(quiet: Bool, interval: Duration = .seconds(5)) -> Style {
            if quiet { return .quiet }
            return isatty(2) != 0 ? .live : .plain(interval: interval)
        }
    }

    private struct State {
        var done: Int
        var failures = 0
        var total: Int?
        var lastDraw: Duration?
        var drewLive = false
    }

    private let style: Style
    private let startDone: Int
    private let elapsed: @Sendable () -> Duration
    private let output: @Sendable (String) -> Void
    private let state: Mutex<State>
    /// Shortest time between two live redraws.
    static let liveInterval: Duration = .milliseconds(100)

    /// - Parameters:
    ///   - total: rows in the input when known (a file counted ahead, or the manifest of a resumed run).
    ///   - alreadyDone: rows finished before this process (`--resume`), counted as done but not in the rate.
    ///   - failures: rows among them that did not succeed.
    ///   - style: how to show progress.
    ///   - elapsed: time since the run (this process) started; tests pass a fake clock.
    ///   - output: where the text goes; standard error by default.
    public init(
        total: Int?, alreadyDone: Int = 0, failures: Int = 0, style: Style,
        elapsed: (@Sendable () -> Duration)? = nil,
        output: @escaping @Sendable (String) -> Void = { StandardError.write($0) }
    ) {
        self.style = style
        self.startDone = alreadyDone
        if let elapsed {
            self.elapsed = elapsed
        } else {
            let start = ContinuousClock.now
            self.elapsed = { ContinuousClock.now - start }
        }
        self.output = output
        var initial = State(done: alreadyDone, total: total)
        initial.failures = failures
        state = Mutex(initial)
    }

    /// Sets the total once it is known.
    public func setTotal(_ total: Int?) {
        state.withLock { $0.total = total }
    }

    /// Counts one finished row, and draws if it is time.
    public func record(_ outcome: RowResult.Outcome) {
        guard style != .quiet else { return }
        let now = elapsed()
        let text: String? = state.withLock { state in
            state.done += 1
            if outcome != .succeeded { state.failures += 1 }
            return draw(&state, now: now, force: false)
        }
        if let text { output(text) }
    }

    /// Draws if it is time, without a new row (call it from a timer so a stalled run still shows a line).
    public func tick() {
        guard style != .quiet else { return }
        let now = elapsed()
        if let text = state.withLock({ draw(&$0, now: now, force: false) }) { output(text) }
    }

    /// Draws the final state and, live, ends the bar's line so the summary starts on a fresh one.
    public func finish() {
        guard style != .quiet else { return }
        let now = elapsed()
        let text: String? = state.withLock { state in
            guard var text = draw(&state, now: now, force: true) else { return nil }
            if style == .live { text += "\n" }
            return text
        }
        if let text { output(text) }
    }

    /// The text to write now, or nil when it is not time yet.
    private func draw(_ state: inout State, now: Duration, force: Bool) -> String? {
        let interval: Duration
        switch style {
        case .quiet: return nil
        case .live: interval = Self.liveInterval
        case .plain(let every): interval = every
        }
        if !force {
            if let last = state.lastDraw {
                guard now - last >= interval else { return nil }
            } else if case .plain = style {
                // The first plain line after one interval, not at the first row.
                guard now >= interval else { return nil }
            }
        }
        state.lastDraw = now
        let snapshot = Snapshot(
            done: state.done, total: state.total, failures: state.failures, doneHere: state.done - startDone,
            elapsed: now
        )
        if style == .live {
            return "\r" + Self.bar(snapshot) + "\u{1B}[K"
        }
        return Self.plainLine(snapshot) + "\n"
    }

    /// What one line shows.
    struct Snapshot {
        var done: Int
        var total: Int?
        var failures: Int
        var doneHere: Int
        var elapsed: Duration

        var seconds: Double {
            let parts = elapsed.components
            return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        }

        var rate: Double { seconds > 0 ? Double(doneHere) / seconds : 0 }

        var fraction: Double? {
            guard let total, total > 0 else { return nil }
            return min(Double(done) / Double(total), 1)
        }

        var etaSeconds: Int? {
            guard let total, rate > 0 else { return nil }
            return Int((Double(max(total - done, 0)) / rate).rounded(.up))
        }
    }

    /// `progress: 1,200/2,000 rows (60.0 %), 85.3 rows/s, ETA 0:09, 12 failures`; without a total:
    /// `progress: 1,200 rows, 85.3 rows/s, 12 failures`.
    static func plainLine(_ snapshot: Snapshot) -> String {
        var text = "progress: " + NumberText.grouped(snapshot.done)
        if let total = snapshot.total, let fraction = snapshot.fraction {
            text += "/\(NumberText.grouped(total)) rows (\(NumberText.fixed(fraction * 100, 1)) %)"
        } else {
            text += " rows"
        }
        text += ", \(NumberText.fixed(snapshot.rate, 1)) rows/s"
        if let eta = snapshot.etaSeconds { text += ", ETA \(NumberText.clock(seconds: eta))" }
        text += ", \(NumberText.grouped(snapshot.failures)) \(snapshot.failures == 1 ? "failure" : "failures")"
        return text
    }

    /// `[##########··········]  1,200/2,000  60%  85 rows/s  ETA 0:09  12 failures`.
    static func bar(_ snapshot: Snapshot) -> String {
        var text = ""
        if let fraction = snapshot.fraction {
            let width = 24
            let filled = Int((fraction * Double(width)).rounded(.down))
            text += "[" + String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled) + "]  "
            text += "\(NumberText.grouped(snapshot.done))/\(NumberText.grouped(snapshot.total ?? 0))"
            text += "  \(Int((fraction * 100).rounded(.down)))%"
        } else {
            text += "\(NumberText.grouped(snapshot.done)) rows"
        }
        text += "  \(NumberText.fixed(snapshot.rate, 0)) rows/s"
        if let eta = snapshot.etaSeconds { text += "  ETA \(NumberText.clock(seconds: eta))" }
        text += "  \(NumberText.grouped(snapshot.failures)) \(snapshot.failures == 1 ? "failure" : "failures")"
        return text
    }
}
