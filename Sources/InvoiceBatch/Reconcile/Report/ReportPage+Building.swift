import InvoiceAPI

extension ReportPage {
    /// The page of `reconciliation`, with its charts already rendered.
    init(_ reconciliation: Reconciliation, charts: (outcomes: String, actions: String, errors: String?, latency: String?)) {
        let rows = reconciliation.rows.count
        func share(_ count: Int) -> String {
            rows == 0 ? "" : NumberText.fixed(Double(count) * 100 / Double(rows), 1) + " %"
        }
        title = "Reconciliation of \(Self.fileName(reconciliation.inputPath))"
        input = reconciliation.inputPath
        createdAt = reconciliation.createdAt
        let clean = reconciliation.isClean
        verdict = clean
            ? (reconciliation.verification != nil
                ? "Every row succeeded, and the tenant holds what was asked." : "Every row succeeded.")
            : "\(NumberText.grouped(reconciliation.rowsNeedingAttention.count)) of \(NumberText.grouped(rows)) rows "
                + "need attention\(reconciliation.conflicts.isEmpty ? "" : "; \(reconciliation.conflicts.count) conflicts")."
        verdictClass = clean ? "ok" : "bad"
        exitCode = String(reconciliation.exit.rawValue)
        let counts = reconciliation.outcomeCounts
        tiles = [Tile(id: "total-rows", label: "rows", value: NumberText.grouped(rows), share: "", color: "#263238")]
            + ReconciledRow.Outcome.allCases.map { outcome in
                Tile(
                    id: "total-\(outcome.rawValue)", label: outcome.rawValue,
                    value: NumberText.grouped(counts[outcome] ?? 0), share: share(counts[outcome] ?? 0),
                    color: OutcomePalette.color(outcome))
            }
        outcomeChart = charts.outcomes
        actionChart = charts.actions
        errorChart = charts.errors
        latencyChart = charts.latency
        let latency = reconciliation.latency
        if latency.count > 0 {
            let parts = [("p50", 50.0), ("p95", 95.0), ("p99", 99.0)].compactMap { name, percentile in
                latency.value(atPercentile: percentile).map { "\(name) \(NumberText.duration(milliseconds: $0))" }
            }
            latencyNote = "\(NumberText.grouped(latency.count)) requests over all runs · " + parts.joined(separator: " · ")
                + (latency.max.map { " · max \(NumberText.duration(milliseconds: $0))" } ?? "")
        } else {
            latencyNote = "No request was sent."
        }
        let needing = reconciliation.rowsNeedingAttention
        attention = needing.prefix(Self.attentionLimit).map { row in
            AttentionRow(
                row: String(row.row), rowId: row.rowID ?? "", action: row.action ?? "", invoiceKey: row.invoiceKey ?? "",
                outcome: row.outcome.rawValue, outcomeColor: OutcomePalette.color(row.outcome),
                verified: row.verified.rawValue, errorCode: row.decisive?.errorCode ?? "",
                detail: Self.cut(RowResult.singleLine(row.detail), 400))
        }
        attentionNote = needing.count > Self.attentionLimit
            ? "The first \(Self.attentionLimit) of \(NumberText.grouped(needing.count)) rows; reconciliation.csv has them all."
            : nil
        hasAttention = !needing.isEmpty
        hasConflicts = !reconciliation.conflicts.isEmpty
        conflicts = reconciliation.conflicts.map { conflict in
            ConflictRow(
                kind: conflict.kind.rawValue, sourceRow: String(conflict.sourceRow),
                location: conflict.file + (conflict.line.map { ":\($0)" } ?? ""), message: conflict.message)
        }
        runs = reconciliation.runs.enumerated().map { index, run in
            RunRow(
                number: String(index + 1), file: run.file, runId: run.runID ?? "", target: run.target ?? "",
                lines: NumberText.grouped(run.lines))
        }
        verification = reconciliation.verification.map { info in
            let verified = reconciliation.verificationCounts
            let mismatches = reconciliation.rows.flatMap { row in
                row.mismatches.map { mismatch in
                    MismatchRow(
                        row: String(row.row), invoiceKey: row.invoiceKey ?? "", field: mismatch.field,
                        expected: mismatch.expected, actual: mismatch.actual)
                }
            }
            return Verification(
                target: info.target.zuoraURL ?? info.target.name, source: info.targetSource,
                invoicesRead: NumberText.grouped(info.invoicesRead), readFailures: NumberText.grouped(info.readFailures),
                readFailureNote: info.readFailures > 0 ? "\(info.readFailures) could not be read" : nil,
                hasMismatches: !mismatches.isEmpty,
                tiles: ReconciledRow.Verification.allCases.map { value in
                    Tile(
                        id: "verified-\(value.rawValue)", label: value.rawValue,
                        value: NumberText.grouped(verified[value] ?? 0), share: share(verified[value] ?? 0),
                        color: OutcomePalette.color(value))
                },
                mismatches: mismatches,
                reasons: Self.reasons(reconciliation))
        }
    }

    /// What could not be verified, per kind of change, with the number of rows and why.
    static func reasons(_ reconciliation: Reconciliation) -> [Reason] {
        var counts: [String: Int] = [:]
        for row in reconciliation.rows where row.outcome == .succeeded {
            if row.verified == .unverifiable, let action = row.action { counts[action, default: 0] += 1 }
            if row.detail.contains(FieldExpectation.items) { counts["invoiceItems", default: 0] += 1 }
            if row.detail.contains(FieldExpectation.pdf) { counts["RegenerateInvoicePDF", default: 0] += 1 }
        }
        let table: [(String, String)] = [
            (InvoiceAction.einvoiceSync.rawValue, FieldExpectation.asyncSync),
            (InvoiceAction.appzenSync.rawValue, FieldExpectation.appZen),
            ("invoiceItems", FieldExpectation.items),
            ("RegenerateInvoicePDF", FieldExpectation.pdf),
        ]
        return table.map { what, why in Reason(what: what, rows: NumberText.grouped(counts[what] ?? 0), why: why) }
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func cut(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }
}
