extension RunSummary {
    /// The one-screen summary for standard error: outcomes, the top error codes with a sample message, requests and
    /// 429s, throughput, latency and where the files are; labels in one column, numbers right-aligned.
    /// - Parameters:
    ///   - errorCodes: how many error codes to list before `other`.
    ///   - width: the line width messages are cut to.
    public func text(errorCodes limit: Int = 5, width: Int = 100) -> String {
        let labelWidth = 11
        var lines: [String] = []
        func line(_ label: String, _ value: String) {
            lines.append("  " + NumberText.pad(label, labelWidth) + value)
        }

        lines.append("invoicebatch run \(runID): \(exitMeaning) (exit code \(exitCode))")
        var targetText = target.name
        let urls = [target.zuoraURL, target.appzenURL].compactMap { $0 }
        if !urls.isEmpty { targetText += " (" + urls.joined(separator: ", ") + ")" }
        line("target", targetText)
        line(
            "rows",
            "\(NumberText.grouped(counts.rows)) in \(NumberText.duration(milliseconds: counts.elapsedMilliseconds))"
                + " · \(NumberText.fixed(rowsPerSecond, 1)) rows/s"
        )

        let outcomeCounts = RowResult.Outcome.allCases.map { NumberText.grouped(counts.outcomes[$0] ?? 0) }
        let countWidth = outcomeCounts.map(\.count).max() ?? 1
        for (outcome, count) in zip(RowResult.Outcome.allCases, outcomeCounts) {
            let share = counts.rows > 0 ? Double(counts.outcomes[outcome] ?? 0) * 100 / Double(counts.rows) : 0
            line(
                outcome.rawValue,
                NumberText.pad(count, countWidth, left: true)
                    + NumberText.pad(NumberText.fixed(share, 1), 7, left: true)
                    + " %"
            )
        }

        let (top, other) = errorCodes(limit: limit)
        if !top.isEmpty {
            let codeWidth = min(max(top.map(\.code.count).max() ?? 0, other > 0 ? 5 : 0), 24)
            let numberWidth = max(
                top.map { NumberText.grouped($0.count).count }.max() ?? 1, NumberText.grouped(other).count)
            for (index, entry) in top.enumerated() {
                var text =
                    NumberText.pad(entry.code, codeWidth) + "  "
                    + NumberText.pad(NumberText.grouped(entry.count), numberWidth, left: true)
                if !entry.sample.isEmpty {
                    let room = max(width - 2 - labelWidth - text.count - 2, 10)
                    let sample = entry.sample.count > room ? String(entry.sample.prefix(room - 1)) + "…" : entry.sample
                    text += "  " + sample
                }
                line(index == 0 ? "errors" : "", text)
            }
            if other > 0 {
                line(
                    "",
                    NumberText.pad("other", codeWidth) + "  "
                        + NumberText.pad(NumberText.grouped(other), numberWidth, left: true))
            }
        }

        var requests = "\(NumberText.grouped(counts.attempts)) attempts · \(NumberText.grouped(counts.retries)) retries"
        requests += " · \(NumberText.grouped(tooManyRequests)) × HTTP 429"
        line("requests", requests)
        let latency = counts.latency
        if let p50 = latency.value(atPercentile: 50), let p95 = latency.value(atPercentile: 95),
            let p99 = latency.value(atPercentile: 99), let max = latency.max
        {
            line(
                "latency",
                "p50 \(NumberText.duration(milliseconds: p50)) · p95 \(NumberText.duration(milliseconds: p95))"
                    + " · p99 \(NumberText.duration(milliseconds: p99)) · max \(NumberText.duration(milliseconds: max))"
            )
        } else {
            line("latency", "no requests sent")
        }
        for file in files { line(file.label, file.path) }
        return lines.joined(separator: "\n") + "\n"
    }
}
