import Foundation
import InvoiceBatch
import Testing

/// Release-build reading speed, run by `Benchmarks/read-csv.sh` (skipped unless `INVOICEBATCH_BENCH_INPUT` names a
/// file). Prints MB/s of reading every record, the figure the `validate` throughput budget is built on.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["INVOICEBATCH_BENCH_INPUT"] != nil))
struct InputBenchmarkTests {
    @Test func readsAllRecords() throws {
        let path = try #require(ProcessInfo.processInfo.environment["INVOICEBATCH_BENCH_INPUT"])
        for _ in 0..<3 {
            let clock = ContinuousClock()
            let started = clock.now
            let source = try FileByteSource(path: path)
            let reader = try CSVReader(source: source)
            var records = 0
            var malformed = 0
            while let record = try reader.next() {
                records += 1
                if case .malformed = record.content { malformed += 1 }
            }
            let elapsed = clock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let megabytes = Double(source.bytesRead) / 1e6
            print("read \(records) records (\(malformed) malformed), \(megabytes) MB in \(seconds) s: \(megabytes / seconds) MB/s")
            #expect(records > 0)
            #expect(malformed == 0)
        }
    }
}
