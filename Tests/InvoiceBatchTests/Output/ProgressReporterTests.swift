import InvoiceBatch
import Testing

@Suite struct ProgressReporterTests {
    @Test func plainLinesComeEveryIntervalWithRateAndETA() {
        let clock = FakeClock()
        let sink = TextSink()
        let progress = ProgressReporter(
            total: 2_000, style: .plain(interval: .seconds(5)), elapsed: clock.elapsed, output: sink.write
        )
        // 100 rows a second for 12 seconds, every 10th row failing.
        for row in 1...1_200 {
            if row % 10 == 0 { clock.advance(by: .milliseconds(100)) }
            progress.record(row % 100 == 0 ? .failed : .succeeded)
        }
        #expect(
            sink.all == [
                "progress: 500/2,000 rows (25.0 %), 100.0 rows/s, ETA 0:15, 5 failures\n",
                "progress: 1,000/2,000 rows (50.0 %), 100.0 rows/s, ETA 0:10, 10 failures\n",
            ]
        )
        progress.finish()
        #expect(sink.all.last == "progress: 1,200/2,000 rows (60.0 %), 100.0 rows/s, ETA 0:08, 12 failures\n")
    }

    @Test func unknownTotalHasNoPercentageNorETA() {
        let clock = FakeClock()
        let sink = TextSink()
        let progress = ProgressReporter(
            total: nil, style: .plain(interval: .seconds(2)), elapsed: clock.elapsed, output: sink.write)
        progress.record(.succeeded)
        clock.advance(by: .seconds(4))
        progress.record(.invalid)
        #expect(sink.all == ["progress: 2 rows, 0.5 rows/s, 1 failure\n"])
    }

    @Test func tickKeepsAStalledRunVisible() {
        let clock = FakeClock()
        let sink = TextSink()
        let progress = ProgressReporter(
            total: 10, style: .plain(interval: .seconds(5)), elapsed: clock.elapsed, output: sink.write)
        progress.record(.succeeded)
        progress.tick()
        #expect(sink.all.isEmpty)
        clock.advance(by: .seconds(5))
        progress.tick()
        clock.advance(by: .seconds(1))
        progress.tick()
        #expect(sink.all == ["progress: 1/10 rows (10.0 %), 0.2 rows/s, ETA 0:45, 0 failures\n"])
    }

    @Test func resumedRunCountsEarlierRowsAsDoneButNotInTheRate() {
        let clock = FakeClock()
        let sink = TextSink()
        let progress = ProgressReporter(
            total: 1_000, alreadyDone: 600, failures: 4, style: .plain(interval: .seconds(1)), elapsed: clock.elapsed,
            output: sink.write
        )
        for _ in 0..<20 { progress.record(.succeeded) }
        clock.advance(by: .seconds(2))
        progress.tick()
        #expect(sink.all == ["progress: 620/1,000 rows (62.0 %), 10.0 rows/s, ETA 0:38, 4 failures\n"])
    }

    @Test func liveBarRedrawsInPlaceAtMostTenTimesASecond() {
        let clock = FakeClock()
        let sink = TextSink()
        let progress = ProgressReporter(total: 100, style: .live, elapsed: clock.elapsed, output: sink.write)
        for _ in 0..<50 {
            clock.advance(by: .milliseconds(20))
            progress.record(.succeeded)
        }
        // One second, 50 rows: the first row draws, then one redraw per 100 ms.
        #expect(sink.all.count == 10)
        #expect(sink.all.allSatisfy { $0.hasPrefix("\r") && $0.hasSuffix("\u{1B}[K") })
        progress.finish()
        #expect(sink.all.last == "\r[############············]  50/100  50%  50 rows/s  ETA 0:01  0 failures\u{1B}[K\n")
    }

    @Test func quietSaysNothing() {
        let sink = TextSink()
        let progress = ProgressReporter(total: 10, style: .quiet, output: sink.write)
        progress.record(.failed)
        progress.tick()
        progress.finish()
        #expect(sink.all.isEmpty)
        #expect(ProgressReporter.Style.automatic(quiet: true) == .quiet)
    }

    @Test func recordingFromManyTasksCountsEveryRow() async {
        let clock = FakeClock()
        let sink = TextSink()
        let progress = ProgressReporter(
            total: nil, style: .plain(interval: .seconds(1)), elapsed: clock.elapsed, output: sink.write)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for row in 0..<1_000 { progress.record(row % 4 == task % 4 ? .failed : .succeeded) }
                }
            }
        }
        clock.advance(by: .seconds(1))
        progress.finish()
        #expect(sink.all.last == "progress: 8,000 rows, 8000.0 rows/s, 2,000 failures\n")
    }
}
