import InvoiceAPI

extension Reconciliation {
    /// The one-screen summary for standard error: the verdict, outcomes, runs, verification, conflicts, the first
    /// rows needing attention, and where the files are.
    public func text(directory: String, attentionLimit: Int = 10, width: Int = 140) -> String {
        var lines: [String] = []
        func line(_ label: String, _ value: String) { lines.append("  " + NumberText.pad(label, 13) + value) }
        let verdict = isClean
            ? (verification != nil ? "every row succeeded and the tenant holds what was asked" : "every row succeeded")
            : "some rows need attention"
        lines.append("invoicebatch reconcile: \(inputPath): \(verdict) (exit code \(exit.rawValue))")
        for (index, run) in runs.enumerated() {
            line(index == 0 ? "runs" : "", "run \(index + 1): \(run.file) (\(NumberText.grouped(run.lines)) lines)")
        }
        line("rows", NumberText.grouped(rows.count))
        let counts = outcomeCounts
        let width0 = String(rows.count).count
        for outcome in ReconciledRow.Outcome.allCases {
            let count = counts[outcome] ?? 0
            guard count > 0 || outcome == .succeeded || outcome == .missing || outcome == .conflict else { continue }
            let share = rows.isEmpty ? 0 : Double(count) * 100 / Double(rows.count)
            line(
                outcome.rawValue,
                NumberText.pad(String(count), width0, left: true) + NumberText.pad(NumberText.fixed(share, 1), 7, left: true)
                    + " %")
        }
        line("touched by", runsHistogram.map { "\($0.runs) run\($0.runs == 1 ? "" : "s"): \($0.rows) rows" }.joined(separator: " · "))
        if let verification {
            let verified = verificationCounts
            line(
                "verified",
                ReconciledRow.Verification.allCases.map { "\($0.rawValue) \(verified[$0] ?? 0)" }.joined(separator: " · ")
                    + " — \(verification.invoicesRead) invoices read from \(verification.target.zuoraURL ?? verification.target.name)"
                    + (verification.readFailures > 0 ? ", \(verification.readFailures) could not be read" : ""))
        } else {
            line("verified", "not asked (--verify reads every invoice back)")
        }
        line("conflicts", String(conflicts.count))
        for conflict in conflicts.prefix(attentionLimit) { lines.append("    " + cut(conflict.text, width)) }
        let attention = rowsNeedingAttention
        if !attention.isEmpty {
            line("attention", "\(attention.count) rows")
            for row in attention.prefix(attentionLimit) {
                let what = row.verified == .mismatch
                    ? "mismatch — " + row.mismatches.map(\.text).joined(separator: "; ")
                    : "\(row.outcome.rawValue)\(row.outcome == .succeeded ? ", \(row.verified.rawValue)" : "") — \(row.detail)"
                lines.append("    " + cut("row \(row.row)\(row.rowID.map { " (\($0))" } ?? ""): " + what, width))
            }
            if attention.count > attentionLimit {
                lines.append("    … \(attention.count - attentionLimit) more in reconciliation.csv")
            }
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        line("report", base + "reconciliation.html")
        line("files", base + "reconciliation.csv, " + base + "reconciliation.json")
        return lines.joined(separator: "\n") + "\n"
    }

    private func cut(_ text: String, _ width: Int) -> String {
        let single = RowResult.singleLine(text)
        return single.count > width ? String(single.prefix(width - 1)) + "…" : single
    }
}
