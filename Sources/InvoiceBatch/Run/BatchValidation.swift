#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import InvoiceAPI
import Synchronization

/// `validate`: every offline rule over the whole input in one streamed pass, nothing sent. Findings are handed
/// out in input order as they are found and not kept, so a million-row file validates in constant memory.
///
/// The reading thread parses records into chunks while worker threads check earlier chunks (each with its own
/// `RowChecker`): checking is three quarters of the work, and this machine has two cores. At most
/// `chunksInFlight` chunks exist at once, so memory stays flat.
public enum BatchValidation {
    /// What one validation found.
    public struct Summary: Sendable, Hashable {
        /// Data records read.
        public var rows = 0
        /// Rows with at least one error (they would be `invalid` in a run).
        public var invalidRows = 0
        /// Errors, including header problems.
        public var errors = 0
        public var warnings = 0

        public init() {}

        mutating func add(_ other: Summary) {
            rows += other.rows
            invalidRows += other.invalidRows
            errors += other.errors
            warnings += other.warnings
        }
    }

    static let chunkSize = 4_096
    static let chunksInFlight = 4

    /// Reads `reader` to the end, checking each record.
    /// - Parameters:
    ///   - reader: the opened input.
    ///   - defaultAction: `--action`, for rows without an `action`.
    ///   - workers: checking threads (default: one per core, at least one).
    ///   - report: called with each finding, in input order (header problems first), on the calling thread.
    /// - Throws: `InputError` when the input itself fails part way (I/O, corrupt gzip); findings are not errors.
    public static func validate(
        _ reader: RecordReader, defaultAction: InvoiceAction?, workers: Int? = nil,
        report: (Diagnostic) throws -> Void
    ) throws -> Summary {
        let header = reader.format == .csv ? reader.header : nil
        let first = RowChecker(header: header, defaultAction: defaultAction)
        var summary = Summary()
        for diagnostic in first.headerDiagnostics {
            summary.errors += diagnostic.severity == .error ? 1 : 0
            try report(diagnostic)
        }
        let count = max(1, workers ?? min(4, System.coreCount))
        let pool = CheckerPool([first] + (1..<count).map { _ in RowChecker(header: header, defaultAction: defaultAction) })
        let queue = DispatchQueue(label: "invoicebatch.validate", attributes: .concurrent)
        let slots = DispatchSemaphore(value: chunksInFlight)
        var pending: [ChunkVerdict] = []

        func drain(waiting: Bool) throws {
            while let next = pending.first {
                guard let verdict = waiting ? next.wait() : next.poll() else { return }
                pending.removeFirst()
                summary.add(verdict.summary)
                for diagnostic in verdict.diagnostics { try report(diagnostic) }
            }
        }

        do {
            while true {
                let chunk = try reader.nextChunk(maxCount: chunkSize)
                if chunk.isEmpty { break }
                slots.wait()
                let verdict = ChunkVerdict()
                pending.append(verdict)
                queue.async {
                    let checker = pool.take()
                    verdict.set(check(chunk, with: checker.checker))
                    pool.put(checker)
                    slots.signal()
                }
                try drain(waiting: false)
            }
            try drain(waiting: true)
        } catch {
            for verdict in pending { _ = verdict.wait() }
            throw error
        }
        return summary
    }

    static func check(_ records: [SourceRecord], with checker: RowChecker) -> (Summary, [Diagnostic]) {
        var summary = Summary()
        var diagnostics: [Diagnostic] = []
        for record in records {
            let row = checker.check(record)
            summary.rows += 1
            var rowHasError = false
            for diagnostic in row.diagnostics {
                if diagnostic.severity == .error {
                    summary.errors += 1
                    rowHasError = true
                } else {
                    summary.warnings += 1
                }
                diagnostics.append(diagnostic)
            }
            if rowHasError || !row.isValid { summary.invalidRows += 1 }
        }
        return (summary, diagnostics)
    }
}

/// The checked result of one chunk, handed from a worker to the reading thread.
private final class ChunkVerdict: Sendable {
    private let state = Mutex<(summary: BatchValidation.Summary, diagnostics: [Diagnostic])?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func set(_ value: (BatchValidation.Summary, [Diagnostic])) {
        state.withLock { $0 = value }
        done.signal()
    }

    func poll() -> (summary: BatchValidation.Summary, diagnostics: [Diagnostic])? {
        state.withLock { $0 }
    }

    func wait() -> (summary: BatchValidation.Summary, diagnostics: [Diagnostic])? {
        done.wait()
        done.signal()
        return poll()
    }
}

/// Row checkers shared by the workers, each used by one thread at a time.
private final class CheckerPool: Sendable {
    /// `@unchecked Sendable`: a `RowChecker` is not thread-safe, and this box guarantees it is only ever used by
    /// the one thread that took it from the pool (the pool's `Mutex` hands each out once until it is put back).
    struct Lease: @unchecked Sendable {
        let checker: RowChecker
    }

    private let free: Mutex<[Lease]>
    private let available: DispatchSemaphore

    init(_ checkers: [RowChecker]) {
        free = Mutex(checkers.map(Lease.init))
        available = DispatchSemaphore(value: checkers.count)
    }

    func take() -> Lease {
        available.wait()
        return free.withLock { $0.removeLast() }
    }

    func put(_ lease: Lease) {
        free.withLock { $0.append(lease) }
        available.signal()
    }
}

/// The machine's cores, for sizing worker pools.
enum System {
    static var coreCount: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }
}
