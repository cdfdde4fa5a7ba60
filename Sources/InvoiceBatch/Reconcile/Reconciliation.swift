import InvoiceAPI

/// What `reconcile` found: one line per source row (final outcome, runs, verification), the conflicts, and the
/// figures the summary and the report draw (error codes and latency over every results line of every run).
public struct Reconciliation: Sendable {
    /// One results file, numbered in the order given (`run 1`, `run 2`, …).
    public struct RunInfo: Sendable {
        public var file: String
        public var runID: String?
        /// Where that run sent its requests, from its `run.json`.
        public var target: String?
        public var lines: Int
    }

    /// What `--verify` did.
    public struct VerificationInfo: Sendable {
        public var target: RunTarget
        /// Where the target came from (`--zuora-url`, `run.json of …`).
        public var targetSource: String
        public var invoicesRead: Int
        public var readFailures: Int
        /// Succeeded rows that could not be compared for want of their request or their invoice (rows whose fields
        /// were all set again later are not counted: the later row is checked instead).
        public var uncheckedRows: Int
    }

    public var inputPath: String
    public var runs: [RunInfo]
    public var rows: [ReconciledRow]
    public var conflicts: [ReconcileConflict]
    /// Error code → failed results lines with it, over every run (a transient 503 of the first run included).
    public var errorCodes: [String: Int]
    /// Error code → one message, for the report.
    public var errorSamples: [String: String]
    /// `durationMs` of every results line that was sent (attempts > 0), every run.
    public var latency: LatencyHistogram
    public var latencyBuckets: LatencyBuckets
    /// `nil` without `--verify`.
    public var verification: VerificationInfo?
    public var createdAt: String

    /// Rows per final outcome (every outcome present, zeros included).
    public var outcomeCounts: [ReconciledRow.Outcome: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ReconciledRow.Outcome.allCases.map { ($0, 0) })
        for row in rows { counts[row.outcome, default: 0] += 1 }
        return counts
    }

    /// Rows per verification result.
    public var verificationCounts: [ReconciledRow.Verification: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ReconciledRow.Verification.allCases.map { ($0, 0) })
        for row in rows { counts[row.verified, default: 0] += 1 }
        return counts
    }

    /// Action → outcome → rows, actions in first-seen order (`(none)` for rows without one).
    public var outcomesByAction: [(action: String, counts: [ReconciledRow.Outcome: Int])] {
        var order: [String] = []
        var table: [String: [ReconciledRow.Outcome: Int]] = [:]
        for row in rows {
            let action = row.action ?? "(none)"
            if table[action] == nil { order.append(action) }
            table[action, default: [:]][row.outcome, default: 0] += 1
        }
        return order.map { ($0, table[$0]!) }
    }

    /// Error codes by frequency, then code.
    public var rankedErrorCodes: [(code: String, count: Int)] {
        errorCodes.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
    }

    /// Runs touching each row → rows (`1 run: 60 rows · 2 runs: 4 rows`).
    public var runsHistogram: [(runs: Int, rows: Int)] {
        var counts: [Int: Int] = [:]
        for row in rows { counts[row.runs, default: 0] += 1 }
        return counts.keys.sorted().map { ($0, counts[$0]!) }
    }

    /// Rows that did not end `succeeded`, or whose invoice holds something else.
    public var rowsNeedingAttention: [ReconciledRow] { rows.filter(\.needsAttention) }

    /// Whether every row succeeded, nothing conflicts and (with `--verify`) nothing was found different or left
    /// unread. `unverifiable` rows do not fail it: nothing could be read for them, by nature, and they are reported.
    public var isClean: Bool {
        guard conflicts.isEmpty, rows.allSatisfy({ $0.outcome == .succeeded }) else { return false }
        guard let verification else { return true }
        return verification.readFailures == 0 && verification.uncheckedRows == 0
            && !rows.contains { $0.verified == .mismatch }
    }

    /// 0 when clean, else 1.
    public var exit: RunExit { isClean ? .succeeded : .someRowsDidNotSucceed }
}
