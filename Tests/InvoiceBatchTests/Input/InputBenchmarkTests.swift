import Foundation
import InvoiceBatch
import Testing

/// Release-build reading speed, run by `Benchmarks/read-csv.sh` and skipped unless `INVOICEBATCH_BENCH_INPUT`
/// names one or more files (separated by `:`). Prints the MB/s of reading every record through `RecordReader`
/// (best of three), the figure the `validate` throughput budget is built on.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["INVOICEBATCH_BENCH_INPUT"] != nil))
struct InputBenchmarkTests {
    @Test func readsAllRecords() throws {
        let paths = try #require(ProcessInfo.processInfo.environment["INVOICEBATCH_BENCH_INPUT"]).split(separator: ":")
        for path in paths.map(String.init) {
            var best = Double.infinity
            var records = 0
            var bytes = 0
            for _ in 0..<3 {
                let started = ContinuousClock.now
                let reader = try RecordReader(path: path)
                records = 0
                bytes = 0
                var malformed = 0
                while let record = try reader.next() {
                    records += 1
                    if case .malformed = record.content { malformed += 1 }
                }
                let elapsed = ContinuousClock.now - started
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                bytes = reader.fileBytesRead
                #expect(malformed == 0)
            }
            let megabytes = Double(bytes) / 1e6
            print(
                "\(URL(fileURLWithPath: path).lastPathComponent): \(records) records, "
                    + "\(String(format: "%.1f", megabytes)) MB "
                    + "read in \(String(format: "%.3f", best)) s: \(String(format: "%.0f", megabytes / best)) MB/s"
                    + " (\(String(format: "%.0f", Double(records) / best)) records/s)"
            )
            #expect(records > 0)
        }
    }
}
