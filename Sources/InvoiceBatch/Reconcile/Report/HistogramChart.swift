/// Vertical bars over fixed latency ranges (`LatencyBuckets`): how long the rows' requests took, every run together,
/// with the p50 / p95 / p99 of the results written under the chart by the page.
struct HistogramChart {
    struct Column {
        let x: String
        let y: String
        let height: String
        let labelX: String
        let count: String
        let countY: String
        let label: String
    }

    let width = Self.chartWidth
    static let chartWidth = 720
    let height = 230
    let ariaLabel: String
    let columns: [Column]
    let baseline = 190
    let color = OutcomePalette.neutral
    /// The width of one bar.
    let barWidth: String

    init(ariaLabel: String, buckets: LatencyBuckets) {
        self.ariaLabel = ariaLabel
        let counts = buckets.counts
        let largest = max(1, counts.max() ?? 1)
        let slot = Double(Self.chartWidth) / Double(counts.count)
        barWidth = StackedBarChart.number(slot - 12)
        let plotHeight = 160.0
        columns = counts.enumerated().map { index, count in
            let barHeight = count == 0 ? 0 : max(2, plotHeight * Double(count) / Double(largest))
            let x = Double(index) * slot + 6
            let top = 190 - barHeight
            return Column(
                x: StackedBarChart.number(x), y: StackedBarChart.number(top), height: StackedBarChart.number(barHeight),
                labelX: StackedBarChart.number(x + (slot - 12) / 2), count: count == 0 ? "" : String(count),
                countY: StackedBarChart.number(top - 5), label: LatencyBuckets.labels[index])
        }
    }

    static let template = """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {{width}} {{height}}" role="img" \
        aria-label="{{ariaLabel}}">
        <line x1="0" y1="{{baseline}}" x2="{{width}}" y2="{{baseline}}" class="baseline"/>
        {{#columns}}
        <rect x="{{x}}" y="{{y}}" width="{{barWidth}}" height="{{height}}" fill="{{color}}"/>
        <text x="{{labelX}}" y="{{countY}}" text-anchor="middle" class="value">{{count}}</text>
        <text x="{{labelX}}" y="210" text-anchor="middle" class="axis small">{{label}}</text>
        {{/columns}}
        </svg>
        """
}
