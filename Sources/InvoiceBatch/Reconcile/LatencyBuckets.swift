/// Row latencies (`durationMs` of the results) counted into a few fixed, roughly logarithmic ranges: what the
/// report's latency chart draws. Fixed edges rather than the histogram's fine buckets, so the bars mean the same
/// thing in every report and a reader can compare two of them.
public struct LatencyBuckets: Sendable, Hashable {
    /// Upper edges in milliseconds (exclusive); the last bucket is everything from the last edge up.
    public static let edges = [25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000]

    /// One count per bucket: `edges.count + 1`.
    public private(set) var counts: [Int]

    public init() {
        counts = Array(repeating: 0, count: Self.edges.count + 1)
    }

    public mutating func record(_ milliseconds: Int) {
        counts[Self.edges.firstIndex(where: { milliseconds < $0 }) ?? Self.edges.count] += 1
    }

    /// One label per bucket, in order.
    public static let labels = [
        "< 25 ms", "25–50 ms", "50–100 ms", "100–250 ms", "250–500 ms", "0.5–1 s", "1–2.5 s", "2.5–5 s", "5–10 s",
        "≥ 10 s",
    ]
}
