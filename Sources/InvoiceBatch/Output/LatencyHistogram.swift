import InvoiceAPI

/// Row latencies in milliseconds, in constant memory, for the summary's p50 / p95 / p99.
///
/// A log-linear histogram in the manner of HdrHistogram: values below 256 ms are counted exactly; above, each power
/// of two is cut into 128 equal buckets, so a percentile is reported at most 1/128 (< 0.8 %) above the true value.
/// Values are capped at 2^31 ms (24 days), so at most 3,200 counters, whatever the number of rows.
///
/// Written here rather than taking `HdrHistogram/hdrhistogram-swift`: that package brings `swift-numerics` and
/// `swift-docc-plugin` for what is 60 lines here, and its state is `Codable` through Foundation's encoders, while the
/// journal's checkpoints carry this state in our own order-keeping `JSONValue` (`snapshot`), sparse.
public struct LatencyHistogram: Sendable, Hashable {
    /// Values below this are counted exactly.
    static let exactLimit = 256
    /// Buckets per power of two above `exactLimit`.
    static let subBuckets = 128
    /// The largest value kept apart; larger ones are counted as this.
    public static let maxValue = (1 << 31) - 1

    private var counts: [Int]
    /// Values recorded.
    public private(set) var count = 0
    /// The smallest and largest values recorded (exact), nil when empty.
    public private(set) var min: Int?
    public private(set) var max: Int?
    /// Sum of the values recorded (for the mean).
    public private(set) var sum = 0

    public init() {
        counts = Array(repeating: 0, count: Self.index(of: Self.maxValue) + 1)
    }

    /// Records one value (negative values count as 0).
    public mutating func record(_ value: Int) {
        let value = Swift.min(Swift.max(value, 0), Self.maxValue)
        counts[Self.index(of: value)] += 1
        count += 1
        sum += value
        min = Swift.min(min ?? value, value)
        max = Swift.max(max ?? value, value)
    }

    /// The value at `percentile` (0–100): the highest value of the bucket that holds that rank, never above `max`;
    /// nil when empty.
    public func value(atPercentile percentile: Double) -> Int? {
        guard count > 0, let min, let max else { return nil }
        let wanted = percentile / 100 * Double(count)
        let rank = Swift.min(Swift.max(Int(wanted.rounded(.up)), 1), count)
        var seen = 0
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            seen += bucketCount
            if seen >= rank { return Swift.min(Swift.max(Self.highestValue(inBucket: index), min), max) }
        }
        return max
    }

    /// The mean, nil when empty.
    public var mean: Double? { count > 0 ? Double(sum) / Double(count) : nil }

    static func index(of value: Int) -> Int {
        if value < exactLimit { return value }
        let highestBit = Int.bitWidth - 1 - value.leadingZeroBitCount
        let shift = highestBit - 7
        let top = value >> shift
        return exactLimit + (shift - 1) * subBuckets + (top - subBuckets)
    }

    static func highestValue(inBucket index: Int) -> Int {
        if index < exactLimit { return index }
        let shift = (index - exactLimit) / subBuckets + 1
        let top = (index - exactLimit) % subBuckets + subBuckets
        return ((top + 1) << shift) - 1
    }

    /// The state as JSON, non-zero buckets only: `{"count":…,"sum":…,"min":…,"max":…,"buckets":[[index,count],…]}`.
    public var snapshot: JSONValue {
        var buckets: [JSONValue] = []
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            buckets.append(.array([.number(String(index)), .number(String(bucketCount))]))
        }
        var object = JSONObject()
        object["count"] = .number(String(count))
        object["sum"] = .number(String(sum))
        object["min"] = min.map { .number(String($0)) } ?? .null
        object["max"] = max.map { .number(String($0)) } ?? .null
        object["buckets"] = .array(buckets)
        return .object(object)
    }

    /// Restores a `snapshot`; nil when it is not one.
    public init?(snapshot: JSONValue) {
        self.init()
        guard let object = snapshot.objectValue, let buckets = object["buckets"]?.arrayValue else { return nil }
        func int(_ value: JSONValue?) -> Int? {
            if case .number(let literal)? = value { return Int(literal) }
            return nil
        }
        for bucket in buckets {
            guard let pair = bucket.arrayValue, pair.count == 2, let index = int(pair[0]), let n = int(pair[1]),
                counts.indices.contains(index), n >= 0
            else { return nil }
            counts[index] += n
            count += n
        }
        sum = int(object["sum"]) ?? 0
        min = int(object["min"])
        max = int(object["max"])
    }
}
