/// Horizontal bars, one per label, longest first — the report's "top error codes": a code's bar length is how many
/// results lines failed with it, and the sample message sits under the code.
struct BarChart {
    struct Bar {
        let label: String
        let note: String
        let y: String
        let labelY: String
        let noteY: String
        let barY: String
        let width: String
        let valueX: String
        let value: String
        let color: String
    }

    let width = Self.chartWidth
    static let chartWidth = 720
    let height: Int
    let ariaLabel: String
    let bars: [Bar]
    let labelWidth = 190

    static let rowHeight = 40.0

    /// - Parameter items: label, a short note (cut to fit), and the count.
    init(ariaLabel: String, items: [(label: String, note: String, count: Int)], color: String) {
        self.ariaLabel = ariaLabel
        let largest = max(1, items.map(\.count).max() ?? 1)
        let plotWidth = Double(Self.chartWidth - 190 - 50)
        bars = items.enumerated().map { index, item in
            let y = Double(index) * Self.rowHeight
            let barWidth = max(2, plotWidth * Double(item.count) / Double(largest))
            let note = item.note.count > 34 ? String(item.note.prefix(33)) + "…" : item.note
            return Bar(
                label: item.label, note: note, y: StackedBarChart.number(y),
                labelY: StackedBarChart.number(y + 15), noteY: StackedBarChart.number(y + 30),
                barY: StackedBarChart.number(y + 6), width: StackedBarChart.number(barWidth),
                valueX: StackedBarChart.number(Double(190) + barWidth + 6), value: String(item.count), color: color)
        }
        height = max(1, Int(Double(items.count) * Self.rowHeight))
    }

    static let template = """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {{width}} {{height}}" role="img" \
        aria-label="{{ariaLabel}}">
        {{#bars}}
        <text x="0" y="{{labelY}}" class="axis code">{{label}}</text>
        <text x="0" y="{{noteY}}" class="note">{{note}}</text>
        <rect x="{{labelWidth}}" y="{{barY}}" width="{{width}}" height="20" rx="2" fill="{{color}}"/>
        <text x="{{valueX}}" y="{{labelY}}" dy="5" class="value">{{value}}</text>
        {{/bars}}
        </svg>
        """
}
