import InvoiceBatch
import Synchronization
import Testing

/// Records what ran, when, and how many at once.
final class DispatchLog: Sendable {
    struct State {
        var running = 0
        var peak = 0
        var runningKeys: Set<String> = []
        var overlaps = 0
        var started: [Int] = []
    }

    let state = Mutex(State())

    func begin(row: Int, key: String?) {
        state.withLock { state in
            state.running += 1
            state.peak = max(state.peak, state.running)
            state.started.append(row)
            if let key, !state.runningKeys.insert(key).inserted { state.overlaps += 1 }
        }
    }

    func end(key: String?) {
        state.withLock { state in
            state.running -= 1
            if let key { state.runningKeys.remove(key) }
        }
    }
}

struct Job: Sendable {
    let row: Int
    let key: String?
    let fails: Bool
    let delayMicros: Int
}

/// Drives a dispatcher over `jobs` with a simple in-order emitter, returning the emitted (row, result) lines.
func dispatch(
    _ jobs: [Job], window: Int, lookahead: Int = 1_000, continueAfterFailure: Bool = false, log: DispatchLog,
    stopAfter: Int? = nil
) async throws -> (emitted: [(Int, String)], report: OrderedDispatcher<Job, String>.Report, maxBacklog: Int) {
    var iterator = jobs.makeIterator()
    var pending: [Int: String] = [:]
    var nextToEmit = 1
    var read = 0
    var emitted: [(Int, String)] = []
    var maxBacklog = 0
    let dispatcher = OrderedDispatcher<Job, String>(lookahead: lookahead, continueAfterFailure: continueAfterFailure)
    let report = try await dispatcher.run(
        .init(
            next: {
                guard let job = iterator.next() else { return nil }
                read += 1
                return .init(row: job.row, key: job.key, item: job)
            },
            execute: { job in
                log.begin(row: job.row, key: job.key)
                try? await Task.sleep(for: .microseconds(job.delayMicros))
                log.end(key: job.key)
                return job.fails ? "failed" : "succeeded"
            },
            isSuccess: { $0 == "succeeded" },
            skipped: { _ in "skipped" },
            finished: { work, result in
                pending[work.row] = result
                while let result = pending.removeValue(forKey: nextToEmit) {
                    emitted.append((nextToEmit, result))
                    nextToEmit += 1
                }
                maxBacklog = max(maxBacklog, read - emitted.count)
            },
            backlog: { read - emitted.count },
            window: { window },
            shouldStop: { stopAfter.map { emitted.count >= $0 } ?? false }
        )
    )
    return (emitted, report, maxBacklog)
}

@Test func rowsOfOneInvoiceRunInFileOrderOneAtATimeWhileOthersFillTheWindow() async throws {
    var jobs: [Job] = []
    var generator = SystemRandomNumberGenerator()
    for row in 1...300 {
        let key = "INV-\(Int.random(in: 1...12, using: &generator))"
        jobs.append(Job(row: row, key: key, fails: false, delayMicros: Int.random(in: 0...2_000, using: &generator)))
    }
    let log = DispatchLog()
    let (emitted, report, _) = try await dispatch(jobs, window: 8, log: log)
    #expect(emitted.map(\.0) == Array(1...300))
    #expect(emitted.allSatisfy { $0.1 == "succeeded" })
    #expect(report.completed && report.executed == 300)
    let state = log.state.withLock { $0 }
    #expect(state.overlaps == 0, "two rows of one invoice ran at once")
    #expect(state.peak <= 8)
    // File order per key: the start order restricted to one key is increasing.
    for key in Set(jobs.compactMap(\.key)) {
        let rows = Set(jobs.filter { $0.key == key }.map(\.row))
        let started = state.started.filter { rows.contains($0) }
        #expect(started == started.sorted())
    }
}

@Test func independentRowsUseTheWholeWindow() async throws {
    let jobs = (1...64).map { Job(row: $0, key: "INV-\($0)", fails: false, delayMicros: 20_000) }
    let log = DispatchLog()
    let (_, report, _) = try await dispatch(jobs, window: 16, log: log)
    #expect(report.peakInFlight == 16)
    #expect(log.state.withLock { $0.peak } == 16)
}

@Test func aFailedRowSkipsTheLaterRowsOfItsInvoiceOnly() async throws {
    let jobs = [
        Job(row: 1, key: "A", fails: false, delayMicros: 100), Job(row: 2, key: "B", fails: true, delayMicros: 100),
        Job(row: 3, key: "A", fails: false, delayMicros: 100), Job(row: 4, key: "B", fails: false, delayMicros: 100),
        Job(row: 5, key: nil, fails: false, delayMicros: 100), Job(row: 6, key: "B", fails: false, delayMicros: 100),
    ]
    let (emitted, report, _) = try await dispatch(jobs, window: 4, log: DispatchLog())
    #expect(emitted.map(\.1) == ["succeeded", "failed", "succeeded", "skipped", "succeeded", "skipped"])
    #expect(report.skipped == 2)

    let (continued, _, _) = try await dispatch(jobs, window: 4, continueAfterFailure: true, log: DispatchLog())
    #expect(continued.map(\.1) == ["succeeded", "failed", "succeeded", "succeeded", "succeeded", "succeeded"])
}

@Test func lookAheadBoundsTheBacklogBehindASlowRow() async throws {
    // Row 1 is slow; everything after it finishes fast and must wait in the backlog, which stays bounded.
    var jobs = [Job(row: 1, key: "SLOW", fails: false, delayMicros: 200_000)]
    jobs += (2...2_000).map { Job(row: $0, key: "K\($0)", fails: false, delayMicros: 0) }
    let (emitted, _, maxBacklog) = try await dispatch(jobs, window: 8, lookahead: 100, log: DispatchLog())
    #expect(emitted.count == 2_000)
    #expect(maxBacklog <= 100)
}

@Test func aStopLetsRunningRowsFinishAndStartsNoMore() async throws {
    let jobs = (1...200).map { Job(row: $0, key: "K\($0 % 7)", fails: false, delayMicros: 1_000) }
    let log = DispatchLog()
    let (emitted, report, _) = try await dispatch(jobs, window: 4, log: log, stopAfter: 20)
    #expect(!report.completed)
    #expect(emitted.count >= 20 && emitted.count < 200)
    #expect(log.state.withLock { $0.running } == 0)
    #expect(emitted.map(\.0) == Array(1...emitted.count))
}
