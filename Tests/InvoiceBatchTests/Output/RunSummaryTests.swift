import InvoiceAPI
import InvoiceBatch
import Testing

@Suite struct RunSummaryTests {
    @Test func percentilesOfAUniformDistribution() {
        var histogram = LatencyHistogram()
        for value in (1...10_000).shuffled() { histogram.record(value) }
        for (percentile, exact) in [(50.0, 5_000), (95.0, 9_500), (99.0, 9_900), (100.0, 10_000)] {
            let value = try! #require(histogram.value(atPercentile: percentile))
            #expect(value >= exact, "p\(percentile)")
            #expect(Double(value) <= Double(exact) * (1 + 1.0 / 128), "p\(percentile) = \(value)")
        }
        #expect(histogram.value(atPercentile: 0) == 1)
        #expect(histogram.min == 1)
        #expect(histogram.max == 10_000)
        #expect(histogram.count == 10_000)
    }

    @Test func percentilesOfASkewedDistributionAgainstSortedValues() {
        var random = SeededGenerator(state: 7)
        var values: [Int] = []
        for _ in 0..<50_000 {
            // Mostly fast, a long tail (retries with backoff): log-uniform between 20 ms and 60 s.
            let exponent = Double.random(in: 0...1, using: &random)
            values.append(Int(20 * pow3000(exponent)))
        }
        var histogram = LatencyHistogram()
        for value in values { histogram.record(value) }
        let sorted = values.sorted()
        for percentile in [50.0, 90.0, 95.0, 99.0, 99.9] {
            let exact = sorted[Int((percentile / 100 * Double(sorted.count)).rounded(.up)) - 1]
            let value = histogram.value(atPercentile: percentile)!
            #expect(
                value >= exact && Double(value) <= Double(exact) * (1 + 1.0 / 128),
                "p\(percentile): \(value) vs \(exact)")
        }
    }

    /// 3000^x without Foundation.
    func pow3000(_ x: Double) -> Double {
        var result = 1.0
        var term = 1.0
        let ln = 8.006367567650246 * x
        for n in 1..<60 {
            term *= ln / Double(n)
            result += term
        }
        return result
    }

    @Test func bucketsAreCountedExactlyBelow256AndWithinOnePercentAbove() {
        for value in [0, 1, 255, 256, 257, 511, 512, 1_000, 65_535, 1 << 30, LatencyHistogram.maxValue] {
            var histogram = LatencyHistogram()
            histogram.record(value)
            histogram.record(0)
            let p100 = histogram.value(atPercentile: 100)!
            #expect(p100 == value, "max is exact")
            var two = LatencyHistogram()
            two.record(value)
            two.record(value)
            two.record(LatencyHistogram.maxValue)
            let p50 = two.value(atPercentile: 50)!
            #expect(p50 >= value && Double(p50) <= Double(value) * (1 + 1.0 / 128) + 1, "\(value) → \(p50)")
        }
    }

    static func accumulator() -> SummaryAccumulator {
        var counts = SummaryAccumulator()
        for row in 1...1_000 {
            let result: RowResult
            switch row % 100 {
            case 0..<90: result = sampleResult(row: row, durationMs: 100 + row % 50)
            case 90..<95:
                result = sampleResult(
                    row: row, outcome: .failed, code: "50000040",
                    message: "Invoice INV-\(row) not found.\nCheck the key",
                    attempts: 1, durationMs: 80
                )
            case 95..<97:
                result = sampleResult(
                    row: row, outcome: .failed, code: "50000050", message: "Lock competition", attempts: 5,
                    durationMs: 9_000, tooManyRequests: 2
                )
            case 97..<99:
                result = sampleResult(
                    row: row, outcome: .invalid, code: "date-format", message: "'12/01/2026' is not yyyy-MM-dd",
                    attempts: 0, durationMs: 0)
            default:
                result = sampleResult(
                    row: row, outcome: .skipped, code: "earlier-row-failed", message: "row before failed", attempts: 0,
                    durationMs: 0)
            }
            counts.add(result)
        }
        counts.add(counter: "tokenRequests", 3)
        counts.elapsedMilliseconds = 12_500
        return counts
    }

    @Test func accumulatorCountsEverything() {
        let counts = Self.accumulator()
        #expect(counts.rows == 1_000)
        #expect(counts.outcomes == [.succeeded: 900, .failed: 70, .invalid: 20, .skipped: 10])
        #expect(counts.actions == ["update": 1_000])
        #expect(counts.errorCodesByCount.map(\.code) == ["50000040", "50000050", "date-format", "earlier-row-failed"])
        #expect(counts.errorCodesByCount.map(\.count) == [50, 20, 20, 10])
        #expect(counts.errorCodes["50000040"]?.sample == "Invoice INV-90 not found. Check the key")
        #expect(counts.attempts == 900 + 50 + 20 * 5)
        #expect(counts.retries == 20 * 4)
        #expect(counts.tooManyRequests == 40)
        #expect(counts.latency.count == 970)
        #expect(counts.counters == ["tokenRequests": 3])
    }

    @Test func snapshotRestoresTheSameCounts() throws {
        let counts = Self.accumulator()
        let text = JSONWriter.string(.object(counts.snapshot))
        let restored = try SummaryAccumulator(snapshot: try #require(try JSONParser().parse(text).objectValue))
        #expect(restored.snapshot == counts.snapshot)
        #expect(restored.latency == counts.latency)
        #expect(restored.errorCodes == counts.errorCodes)
        #expect(restored.elapsedMilliseconds == 12_500)
        #expect(throws: OutputError.self) { try SummaryAccumulator(snapshot: JSONObject(["rows": .string("x")])) }
    }

    static func summary() -> RunSummary {
        RunSummary(
            counts: accumulator(), runID: "20261121-203826-ab12", inputPath: "/data/corrections.csv",
            inputSHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            target: RunTarget(name: "us-sandbox", zuoraURL: "https://user:pw@rest.apisandbox.zuora.com"),
            startedAt: "2026-11-21T20:38:26.123Z", endedAt: "2026-11-21T20:38:38.623Z", exitCode: 1,
            files: [("results", "corrections.run/results.csv"), ("failures", "corrections.run/failures.csv")],
            topErrorCodes: 2
        )
    }

    @Test func summaryJSONHasEverySection() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.summary().write(directory: directory.path)
        let object = try #require(try JSONParser().parse(directory.text("summary.json")).objectValue)
        #expect(
            object.keys == [
                "runId", "exitCode", "startedAt", "endedAt", "elapsedSeconds", "input", "target", "rows", "outcomes",
                "actions", "errorCodes", "requests", "counters", "throughput", "latencyMs", "files",
            ])
        #expect(object["elapsedSeconds"] == .number("12.5"))
        #expect(object["target"]?.objectValue?["zuoraUrl"] == .string("https://rest.apisandbox.zuora.com"))
        #expect(
            object["outcomes"]
                == .object(
                    JSONObject([
                        "succeeded": .number("900"), "failed": .number("70"), "invalid": .number("20"),
                        "skipped": .number("10"),
                    ]))
        )
        let codes = try #require(object["errorCodes"]?.arrayValue)
        #expect(codes.compactMap { $0.objectValue?["code"]?.stringValue } == ["50000040", "50000050", "other"])
        #expect(codes.last?.objectValue?["count"] == .number("30"))
        #expect(
            object["requests"]
                == .object(
                    JSONObject([
                        "attempts": .number("1050"), "retries": .number("80"), "tooManyRequests": .number("40"),
                    ])))
        #expect(object["throughput"]?.objectValue?["rowsPerSecond"] == .number("80"))
        let latency = try #require(object["latencyMs"]?.objectValue)
        // Exact below 256 ms; 9,000 ms falls in the bucket 8,960–9,023, reported no higher than the true maximum.
        #expect(latency["p50"] == .number("121"))
        #expect(latency["p95"] == .number("147"))
        #expect(latency["p99"] == .number("9000"))
        #expect(latency["max"] == .number("9000"))
        #expect(latency["count"] == .number("970"))
    }

    @Test func humanSummaryIsGolden() {
        let text = Self.summary().text(errorCodes: 3)
        let expected = """
            invoicebatch run 20261121-203826-ab12: some rows did not succeed (exit code 1)
              target     us-sandbox (https://rest.apisandbox.zuora.com)
              rows       1,000 in 12.5 s · 80.0 rows/s
              succeeded  900   90.0 %
              failed      70    7.0 %
              invalid     20    2.0 %
              skipped     10    1.0 %
              errors     50000040     50  Invoice INV-90 not found. Check the key
                         50000050     20  Lock competition
                         date-format  20  '12/01/2026' is not yyyy-MM-dd
                         other        10
              requests   1,050 attempts · 80 retries · 40 × HTTP 429
              latency    p50 121 ms · p95 147 ms · p99 9.0 s · max 9.0 s
              results    corrections.run/results.csv
              failures   corrections.run/failures.csv

            """
        #expect(text == expected)
    }

    @Test func userInfoIsNeverKeptInATargetURL() {
        #expect(RunTarget.withoutUserInfo("https://id:secret@rest.zuora.com/v1?x=@") == "https://rest.zuora.com/v1?x=@")
        #expect(RunTarget.withoutUserInfo("https://rest.zuora.com/a@b") == "https://rest.zuora.com/a@b")
        #expect(RunTarget.withoutUserInfo("http://127.0.0.1:8080") == "http://127.0.0.1:8080")
    }

    @Test func timestampsAreISO8601UTCWithMilliseconds() {
        #expect(UTCTimestamp.string(epochMilliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(UTCTimestamp.string(epochMilliseconds: 1_795_293_506_123) == "2026-11-21T20:38:26.123Z")
        #expect(UTCTimestamp.string(epochMilliseconds: -1) == "1969-12-31T23:59:59.999Z")
        #expect(UTCTimestamp.now().count == 24)
    }
}
