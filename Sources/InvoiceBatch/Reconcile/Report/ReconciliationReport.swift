import Mustache

/// `reconciliation.html`: one self-contained page (inline CSS and SVG; no script, no font or image from the
/// network) that a finance lead reads instead of the CSV — totals, outcomes overall and by action, top error codes,
/// latency, the verification, and the rows needing attention with their errors.
///
/// Rendered with Mustache (see Package.swift for why): the page and each chart are templates; every value goes in
/// through `{{…}}`, which escapes it for HTML, so an error message or an input cell can never become markup.
struct ReconciliationReport {
    let reconciliation: Reconciliation

    init(_ reconciliation: Reconciliation) {
        self.reconciliation = reconciliation
    }

    /// The most error codes drawn; the rest are in `reconciliation.json`.
    static let errorCodeLimit = 8

    /// A sample message without the code it often starts with (`59101061: The service…`).
    static func note(_ message: String, code: String) -> String {
        guard message.hasPrefix(code) else { return message }
        return String(message.dropFirst(code.count).drop { $0 == ":" || $0 == " " })
    }

    /// The page.
    /// - Throws: `MustacheTemplate.ParserError` if a template is broken (a programming error the tests catch).
    func render() throws -> String {
        let outcomes = StackedBarChart(
            ariaLabel: "Final outcome of every source row",
            rows: [("all rows", reconciliation.outcomeCounts)])
        let actions = StackedBarChart(
            ariaLabel: "Final outcomes by action",
            rows: reconciliation.outcomesByAction.map { ($0.action, $0.counts) })
        let ranked = reconciliation.rankedErrorCodes.prefix(Self.errorCodeLimit)
        let errors = ranked.isEmpty
            ? nil
            : BarChart(
                ariaLabel: "Failed results per error code, every run",
                items: ranked.map { ($0.code, Self.note(reconciliation.errorSamples[$0.code] ?? "", code: $0.code), $0.count) },
                color: OutcomePalette.error)
        let latency = reconciliation.latency.count == 0
            ? nil : HistogramChart(ariaLabel: "Rows per latency range", buckets: reconciliation.latencyBuckets)

        let stacked = try MustacheTemplate(string: StackedBarChart.template)
        let page = ReportPage(
            reconciliation,
            charts: (
                outcomes: stacked.render(outcomes),
                actions: stacked.render(actions),
                errors: try errors.map { try MustacheTemplate(string: BarChart.template).render($0) },
                latency: try latency.map { try MustacheTemplate(string: HistogramChart.template).render($0) }
            )
        )
        return try MustacheTemplate(string: ReportPage.template).render(page)
    }
}
