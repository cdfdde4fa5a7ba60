import Dispatch
import Synchronization

/// The XML audit log of a run segment, streamed as exchanges end: the root element with the run, one
/// `<exchange>` per HTTP attempt, the summary at the close (`schemas/audit-log.xsd`).
///
/// Requests report their exchanges from many tasks at once; they only hand them over (an append under a lock).
/// One serial queue writes them, in the order handed over and in batches (every few milliseconds), through
/// libxml2's writer to the file,
/// on a thread of its own, so no request waits for XML or gzip. At most `backlog` exchanges wait to be written —
/// memory stays constant — and a request that finds the backlog full waits for room: a disk slower than the
/// tenant slows the run instead of growing it.
///
/// A write error does not interrupt the requests: it is kept, nothing more is written, and `flush` and `close`
/// throw it, so the run stops at its next checkpoint rather than carrying on without the evidence it was asked for.
public final class AuditLogWriter: @unchecked Sendable {
    // `@unchecked Sendable`: `state` is only touched on `queue`; `pending` is a Mutex; `path`, `backlog`,
    // `queue` and `room` are immutable and thread-safe.

    /// The text that replaces every secret.
    public static let redactionMarker = "[REDACTED]"

    public let path: String
    private let backlog: Int
    private let queue: DispatchQueue
    /// Signalled once for each request that waited for room, when the writer takes a batch.
    private let room = DispatchSemaphore(value: 0)
    private let pending = Mutex(Pending())
    private let state: State

    /// How long the first exchange of a batch waits for others before the writer takes them all.
    static let batchInterval = DispatchTimeInterval.milliseconds(5)

    /// Exchanges handed over and not yet taken by the writer.
    private struct Pending {
        var exchanges: [AuditExchange] = []
        /// A drain is scheduled or running: the next hand-over need not schedule one.
        var draining = false
        /// Requests waiting for room.
        var waiting = 0
    }

    private final class State {
        var xml: XMLStreamWriter?
        let output: AuditFileOutput
        var exchanges = 0
        var failure: AuditLogError?

        init(xml: XMLStreamWriter, output: AuditFileOutput) {
            self.xml = xml
            self.output = output
        }
    }

    /// Creates the file (it must not exist) and writes the root element's start.
    /// - Parameters:
    ///   - compressionLevel: zlib's level for `.gz` paths (1 fastest … 9 smallest). 1 by default: exchanges repeat
    ///     each other so much that level 1 already shrinks the log about 40 times, and level 6 took three times the
    ///     CPU for a file a fifth smaller (`Benchmarks/run-audit.sh`).
    ///   - backlog: exchanges that may wait to be written.
    public init(path: String, run: AuditRun, compressionLevel: Int32 = 1, backlog: Int = 1_024) throws(AuditLogError) {
        self.path = path
        let output = try AuditFileOutput(path: path, compressionLevel: compressionLevel)
        let xml = try XMLStreamWriter(output: try output.makeOutputBuffer(), path: path)
        try AuditElements(xml).writeOpening(run)
        try xml.flush()
        try output.flush()
        state = State(xml: xml, output: output)
        self.backlog = max(1, backlog)
        queue = DispatchQueue(label: "invoicebatch.audit-log")
    }

    /// Hands one `<exchange>` over to be written. Never throws: a failure is kept for `flush` and `close`.
    public func record(_ exchange: AuditExchange) {
        while true {
            let (accepted, startDrain) = pending.withLock { pending in
                guard pending.exchanges.count < backlog else {
                    pending.waiting += 1
                    return (false, false)
                }
                pending.exchanges.append(exchange)
                defer { pending.draining = true }
                return (true, !pending.draining)
            }
            if accepted {
                // The writer sleeps between batches: waking it for each exchange would cost more than writing it.
                if startDrain { queue.asyncAfter(deadline: .now() + Self.batchInterval) { [self] in drain() } }
                return
            }
            room.wait()
        }
    }

    /// On `queue`: writes batches until none is left.
    private func drain() {
        while true {
            let (batch, waiting) = pending.withLock { pending in
                let batch = pending.exchanges
                let waiting = pending.waiting
                pending.exchanges.removeAll(keepingCapacity: true)
                pending.waiting = 0
                if batch.isEmpty { pending.draining = false }
                return (batch, waiting)
            }
            for _ in 0..<waiting { room.signal() }
            if batch.isEmpty { return }
            guard state.failure == nil, let xml = state.xml else { continue }
            let elements = AuditElements(xml)
            for exchange in batch {
                state.exchanges += 1
                do throws(AuditLogError) {
                    try elements.write(exchange, sequence: state.exchanges)
                } catch {
                    state.failure = error
                    break
                }
            }
        }
    }

    /// The `<exchange>` elements written so far (after every exchange handed over is written).
    public var exchangeCount: Int {
        queue.sync {
            drain()
            return state.exchanges
        }
    }

    /// Writes every exchange handed over, then pushes the file to the operating system, so a killed run leaves
    /// everything up to here readable.
    /// - Throws: the first write failure since the log opened.
    public func flush() throws(AuditLogError) {
        let failure: AuditLogError? = queue.sync {
            drain()
            if let failure = state.failure { return failure }
            do throws(AuditLogError) {
                try state.xml?.flush()
                try state.output.flush()
            } catch {
                state.failure = error
            }
            return state.failure
        }
        if let failure { throw failure }
    }

    /// Writes every exchange handed over, the summary, ends the document and closes the file. Later calls do
    /// nothing.
    /// - Throws: the first write failure since the log opened (the file is closed anyway).
    public func close(summary: AuditSummary) throws(AuditLogError) {
        let failure: AuditLogError? = queue.sync {
            drain()
            guard let xml = state.xml else { return nil }
            if state.failure == nil {
                do throws(AuditLogError) {
                    try AuditElements(xml).writeClosing(summary, exchanges: state.exchanges)
                    try xml.endDocument()
                    try xml.flush()
                } catch {
                    state.failure = error
                }
            }
            state.xml = nil  // frees libxml2's writer before the file it writes to is closed
            do throws(AuditLogError) {
                try state.output.close()
            } catch {
                if state.failure == nil { state.failure = error }
            }
            return state.failure
        }
        if let failure { throw failure }
    }
}
