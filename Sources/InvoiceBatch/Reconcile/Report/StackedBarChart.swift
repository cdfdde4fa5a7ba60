/// A horizontal stacked bar per category (outcomes overall, outcomes by action), as SVG: one segment per outcome,
/// widths proportional within the bar, with a legend. The geometry is computed here; `template` only places it.
struct StackedBarChart {
    struct Segment {
        let x: String
        let width: String
        let color: String
        let title: String
    }

    struct Bar {
        let label: String
        let y: String
        let labelY: String
        let total: String
        let totalX: String
        let segments: [Segment]
    }

    struct LegendEntry {
        let x: String
        let color: String
        let label: String
    }

    let width = Self.chartWidth
    static let chartWidth = 720
    let height: Int
    let ariaLabel: String
    let bars: [Bar]
    let legend: [LegendEntry]
    let legendY: String
    let legendTextY: String

    static let labelWidth = 130.0
    static let barHeight = 22.0
    static let gap = 10.0

    /// - Parameter rows: category → count per outcome, in display order.
    init(ariaLabel: String, rows: [(label: String, counts: [ReconciledRow.Outcome: Int])]) {
        self.ariaLabel = ariaLabel
        let plotWidth = Double(Self.chartWidth) - Self.labelWidth - 60
        var bars: [Bar] = []
        for (index, row) in rows.enumerated() {
            let total = row.counts.values.reduce(0, +)
            let y = Double(index) * (Self.barHeight + Self.gap)
            var x = Self.labelWidth
            var segments: [Segment] = []
            for outcome in ReconciledRow.Outcome.allCases {
                let count = row.counts[outcome] ?? 0
                guard count > 0, total > 0 else { continue }
                let segmentWidth = plotWidth * Double(count) / Double(total)
                segments.append(
                    Segment(
                        x: Self.number(x), width: Self.number(segmentWidth), color: OutcomePalette.color(outcome),
                        title: "\(row.label): \(count) \(outcome.rawValue)"))
                x += segmentWidth
            }
            bars.append(
                Bar(
                    label: row.label, y: Self.number(y), labelY: Self.number(y + Self.barHeight * 0.7),
                    total: String(total), totalX: Self.number(Self.labelWidth + plotWidth + 8), segments: segments))
        }
        self.bars = bars
        let present = ReconciledRow.Outcome.allCases.filter { outcome in rows.contains { ($0.counts[outcome] ?? 0) > 0 } }
        legend = present.enumerated().map { index, outcome in
            LegendEntry(x: Self.number(Self.labelWidth + Double(index) * 95), color: OutcomePalette.color(outcome),
                        label: outcome.rawValue)
        }
        let legendTop = Double(rows.count) * (Self.barHeight + Self.gap) + 4
        legendY = Self.number(legendTop)
        legendTextY = Self.number(legendTop + 11)
        height = Int(legendTop + 22)
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static let template = """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {{width}} {{height}}" role="img" \
        aria-label="{{ariaLabel}}">
        {{#bars}}
        <text x="0" y="{{labelY}}" class="axis">{{label}}</text>
        {{#segments}}<rect x="{{x}}" y="{{y}}" width="{{width}}" height="22" fill="{{color}}"><title>{{title}}</title></rect>{{/segments}}
        <text x="{{totalX}}" y="{{labelY}}" class="value">{{total}}</text>
        {{/bars}}
        {{#legend}}
        <rect x="{{x}}" y="{{legendY}}" width="12" height="12" fill="{{color}}"/>
        <text x="{{x}}" dx="16" y="{{legendTextY}}" class="legend">{{label}}</text>
        {{/legend}}
        </svg>
        """
}
