import InvoiceAPI
import Testing

@testable import InvoiceBatch

/// The page escapes what it shows and carries the figures; the charts are SVG in the page itself.
@Suite struct ReconciliationReportTests {
    static func reconciliation() -> Reconciliation {
        let hostile = "<script>alert(\"x\")</script> & 'quotes'"
        var failed = ReconciledRow(
            row: 2, line: 3, rowID: "R-2\"><b>", action: "update", invoiceKey: "INV-00000002", outcome: .failed, runs: 2,
            detail: "failed in run 2 (59210020 \(hostile))")
        failed.decisive = RowResult(
            row: 2, sourceRow: 2, line: 3, rowID: "R-2", action: "update", invoiceKey: "INV-00000002", outcome: .failed,
            errorCode: "59210020", errorMessage: hostile, finishedAt: "")
        var latency = LatencyHistogram()
        var buckets = LatencyBuckets()
        for value in [12, 40, 80, 300, 1_200] {
            latency.record(value)
            buckets.record(value)
        }
        return Reconciliation(
            inputPath: "fixes.csv",
            runs: [.init(file: "g0.run/results.csv", runID: "20261121-1", target: "custom", lines: 3)],
            rows: [
                ReconciledRow(row: 1, line: 2, rowID: "R-1", action: "update", invoiceKey: "INV-1", outcome: .succeeded, runs: 1),
                failed,
                ReconciledRow(row: 3, line: 4, rowID: "R-3", action: "einvoice-sync", invoiceKey: "INV-3", outcome: .missing, runs: 0),
            ],
            conflicts: [], errorCodes: ["59210020": 2], errorSamples: ["59210020": hostile], latency: latency,
            latencyBuckets: buckets, verification: nil, createdAt: "2026-11-21T20:00:00.000Z")
    }

    @Test func everyValueIsEscapedAndTheTotalsAreThere() throws {
        let html = try ReconciliationReport(Self.reconciliation()).render()
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"))
        #expect(!html.contains("R-2\"><b>"))
        #expect(html.contains(#"id="total-rows" style="--c: #263238"><span class="n">3</span>"#))
        #expect(html.contains(#"id="total-failed""#))
        #expect(html.contains("<svg"), "charts are inline SVG")
        #expect(html.split(separator: "<svg", omittingEmptySubsequences: false).count - 1 == 4, "outcomes, by action, error codes, latency")
        #expect(!html.contains("<link") && !html.contains("<script") && !html.contains("@import"), "nothing fetched")
        #expect(!html.contains("{{"), "every tag rendered")
    }
}
