import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C as the design asks: the first SIGINT (or SIGTERM) stops taking new rows and lets requests in flight
/// finish, so the run directory stays resumable; the second aborts what is still in flight.
public final class InterruptMonitor: Sendable {
    /// How far the operator has asked the run to stop.
    public enum Level: Int, Sendable, Comparable {
        case running = 0
        case stopping = 1
        case aborting = 2

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private let level = Mutex(Level.running)
    private let sources = Mutex(SignalSources())
    private let onAbort: Mutex<(@Sendable () -> Void)?> = Mutex(nil)
    private let onStop: Mutex<(@Sendable () -> Void)?> = Mutex(nil)

    public init() {}

    /// The current level.
    public var current: Level { level.withLock { $0 } }

    /// Starts listening for SIGINT and SIGTERM; `stop` runs on the first, `abort` on the second.
    public func install(onStop stop: @escaping @Sendable () -> Void, onAbort abort: @escaping @Sendable () -> Void) {
        onStop.withLock { $0 = stop }
        onAbort.withLock { $0 = abort }
        var created: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.escalate() }
            source.resume()
            created.append(source)
        }
        let installed = SignalSources(sources: created)
        sources.withLock { $0 = installed }
    }

    /// What a signal does; also callable directly (tests, or a caller's own trigger).
    public func escalate() {
        let next: Level = level.withLock { level in
            level = level == .running ? .stopping : .aborting
            return level
        }
        switch next {
        case .stopping: onStop.withLock { $0 }?()
        case .aborting: onAbort.withLock { $0 }?()
        case .running: break
        }
    }

    /// Stops listening and restores the default signal handling.
    public func uninstall() {
        sources.withLock { box in
            for source in box.sources { source.cancel() }
            box = SignalSources()
        }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

/// The installed signal sources. `@unchecked Sendable`: dispatch sources are thread-safe objects, and this box is
/// only touched inside the monitor's `Mutex`.
private struct SignalSources: @unchecked Sendable {
    var sources: [any DispatchSourceSignal] = []
}
