import DequeModule

/// Runs work items concurrently while keeping items that share a key in file order, one at a time.
///
/// A slot is refilled the moment any item ends — never a barrier at the end of a chunk — and items of other
/// keys keep every free slot busy while one key waits for its previous item. When an item of a key does not
/// succeed, the key's later items are handed back as skipped (unless `continueAfterFailure`). The look-ahead
/// (rows read but not yet emitted in order) is bounded, so memory does not grow with the input.
public struct OrderedDispatcher<Item: Sendable, Result: Sendable> {
    /// One unit of work as the dispatcher sees it.
    public struct Work: Sendable {
        /// Position in the file (1-based, increasing).
        public var row: Int
        /// Items with the same key run one after another in `row` order; `nil` has no ordering constraint.
        public var key: String?
        public var item: Item
        /// A result known without running (an invalid row, or a row a resumed run already finished).
        public var known: Result?

        public init(row: Int, key: String?, item: Item, known: Result? = nil) {
            self.row = row
            self.key = key
            self.item = item
            self.known = known
        }
    }

    /// How the dispatcher is driven.
    public struct Hooks {
        /// The next work item in file order, or `nil` at the end. Called on the dispatcher's task.
        public var next: () throws -> Work?
        /// Runs one item (concurrently with others). Must not throw: failures are results.
        public var execute: @Sendable (Item) async -> Result
        /// Whether a result lets later items of its key run.
        public var isSuccess: (Result) -> Bool
        /// The result of an item that is not run because an earlier item of its key did not succeed.
        public var skipped: (Work) -> Result
        /// Every result, in completion order, on the dispatcher's task.
        public var finished: (Work, Result) throws -> Void
        /// Rows read but not yet written in input order (the caller's reorder backlog).
        public var backlog: () -> Int
        /// How many items may run now (re-read before every start).
        public var window: () -> Int
        /// When true, no new item starts; running items finish. Read before every start.
        public var shouldStop: () -> Bool

        public init(
            next: @escaping () throws -> Work?, execute: @escaping @Sendable (Item) async -> Result,
            isSuccess: @escaping (Result) -> Bool, skipped: @escaping (Work) -> Result,
            finished: @escaping (Work, Result) throws -> Void, backlog: @escaping () -> Int,
            window: @escaping () -> Int, shouldStop: @escaping () -> Bool
        ) {
            self.next = next
            self.execute = execute
            self.isSuccess = isSuccess
            self.skipped = skipped
            self.finished = finished
            self.backlog = backlog
            self.window = window
            self.shouldStop = shouldStop
        }
    }

    /// What happened, for the summary and the exit status.
    public struct Report: Sendable, Hashable {
        /// Items run (not known, not skipped).
        public var executed = 0
        /// Items handed back as skipped.
        public var skipped = 0
        /// Whether every item was read and finished (false after a stop).
        public var completed = false
        /// Highest number of items running at once.
        public var peakInFlight = 0
    }

    public let lookahead: Int
    public let continueAfterFailure: Bool

    /// - Parameters:
    ///   - lookahead: the most rows that may be read ahead of the first row not yet emitted in order.
    ///   - continueAfterFailure: `--on-failure continue`: later rows of a failed key still run.
    public init(lookahead: Int, continueAfterFailure: Bool) {
        self.lookahead = max(1, lookahead)
        self.continueAfterFailure = continueAfterFailure
    }

    /// Runs every item `hooks.next` yields until the end of input or a stop.
    public func run(_ hooks: Hooks) async throws -> Report {
        var report = Report()
        var waiting: [String: Deque<Work>] = [:]
        var busy: Set<String> = []
        var blocked: Set<String> = []
        var ready = Deque<Work>()
        var inFlight = 0
        var inputDone = false

        try await withThrowingTaskGroup(of: (Work, Result).self) { group in
            func start(_ work: Work) {
                inFlight += 1
                report.executed += 1
                report.peakInFlight = max(report.peakInFlight, inFlight)
                let execute = hooks.execute
                group.addTask { (work, await execute(work.item)) }
            }

            /// Hands out an item whose key is free; known and skipped results are finished at once.
            func admit(_ work: Work) throws {
                if let known = work.known {
                    if let key = work.key, !hooks.isSuccess(known), !continueAfterFailure { blocked.insert(key) }
                    try hooks.finished(work, known)
                    return
                }
                guard let key = work.key else { return ready.append(work) }
                if blocked.contains(key) {
                    report.skipped += 1
                    try hooks.finished(work, hooks.skipped(work))
                } else if busy.contains(key) {
                    waiting[key, default: []].append(work)
                } else {
                    busy.insert(key)
                    ready.append(work)
                }
            }

            /// Frees `key` after an item of it ended: its next waiting item becomes ready (or is skipped).
            func release(_ key: String, succeeded: Bool) throws {
                if !succeeded, !continueAfterFailure { blocked.insert(key) }
                while var queue = waiting[key], let next = queue.popFirst() {
                    waiting[key] = queue.isEmpty ? nil : queue
                    if blocked.contains(key) {
                        report.skipped += 1
                        try hooks.finished(next, hooks.skipped(next))
                        continue
                    }
                    ready.append(next)
                    return
                }
                busy.remove(key)
            }

            while true {
                // Fill every free slot: ready items first (they are the oldest), then new input.
                while !hooks.shouldStop(), inFlight < hooks.window() {
                    if let work = ready.popFirst() {
                        start(work)
                        continue
                    }
                    guard !inputDone, hooks.backlog() < lookahead else { break }
                    guard let work = try hooks.next() else {
                        inputDone = true
                        break
                    }
                    try admit(work)
                }
                if inFlight == 0 {
                    // Nothing running: everything read is finished, or a stop was asked for.
                    if inputDone, ready.isEmpty, waiting.isEmpty { report.completed = true }
                    if hooks.shouldStop() || inputDone && ready.isEmpty { break }
                    if ready.isEmpty, hooks.backlog() >= lookahead {
                        // With nothing running every row read has finished, so the caller must have emitted them.
                        throw DispatchStall(backlog: hooks.backlog(), lookahead: lookahead)
                    }
                    continue
                }
                guard let (work, result) = try await group.next() else { break }
                inFlight -= 1
                try hooks.finished(work, result)
                if let key = work.key { try release(key, succeeded: hooks.isSuccess(result)) }
            }
            if hooks.shouldStop() { group.cancelAll() }
        }
        return report
    }
}

/// The caller reported a backlog that cannot drain: rows finished but not emitted while nothing runs.
/// A programming error in the caller's bookkeeping, surfaced instead of a silent hang or a lost row.
public struct DispatchStall: Error, CustomStringConvertible {
    public let backlog: Int
    public let lookahead: Int
    public var description: String {
        "internal error: \(backlog) rows read but not written while nothing runs (look-ahead \(lookahead))"
    }
}
