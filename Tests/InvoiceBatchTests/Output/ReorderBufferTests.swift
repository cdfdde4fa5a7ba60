import InvoiceBatch
import Testing

@Suite struct ReorderBufferTests {
    /// Rows start in order but finish in a random order within a window of `window` rows, as the scheduler allows:
    /// everything comes out once, in order, and the buffer never holds more than the window.
    @Test(arguments: [1, 7, 64, 500], [UInt64(1), 2, 3])
    func randomArrivalWithinAWindowComesOutInOrder(window: Int, seed: UInt64) {
        var random = SeededGenerator(state: seed)
        var buffer = ReorderBuffer<String>(initialCapacity: 4)
        let total = 3_000
        var started = 0
        var running: [Int] = []
        var emitted: [Int] = []
        var largest = 0
        while emitted.count < total {
            // Start rows while the window allows: look-ahead counts from the oldest unfinished row.
            while started < total, started + 1 - buffer.nextRow < window {
                started += 1
                running.append(started)
            }
            let index = Int.random(in: 0..<running.count, using: &random)
            let row = running.remove(at: index)
            let inserted = buffer.insert(row: row, "v\(row)")
            #expect(inserted)
            largest = max(largest, buffer.count)
            #expect(buffer.lookAhead <= window)
            while let next = buffer.popNext() {
                #expect(next.value == "v\(next.row)")
                emitted.append(next.row)
            }
        }
        #expect(emitted == Array(1...total))
        #expect(largest <= window)
        #expect(buffer.isEmpty)
        #expect(buffer.lookAhead == 0)
    }

    @Test func fullyReversedArrivalHoldsEverythingThenReleasesAll() {
        var buffer = ReorderBuffer<Int>(initialCapacity: 2)
        for row in stride(from: 100, through: 2, by: -1) {
            buffer.insert(row: row, row * 10)
            #expect(!buffer.hasReady)
        }
        #expect(buffer.count == 99)
        #expect(buffer.lookAhead == 100)
        buffer.insert(row: 1, 10)
        let released = buffer.popReady()
        #expect(released.map(\.row) == Array(1...100))
        #expect(released.map(\.value) == Array(1...100).map { $0 * 10 })
        #expect(buffer.nextRow == 101)
    }

    @Test func refusesDuplicatesAndRowsAlreadyHandedOut() {
        var buffer = ReorderBuffer<String>()
        let first = buffer.insert(row: 2, "first")
        let duplicate = buffer.insert(row: 2, "second")
        let one = buffer.insert(row: 1, "one")
        #expect(first && !duplicate && one)
        let ready = buffer.popReady().map(\.value)
        #expect(ready == ["one", "first"])
        let again = buffer.insert(row: 1, "again")
        #expect(!again)
        #expect(buffer.count == 0)
    }

    @Test func startsAfterAResumedCheckpoint() {
        var buffer = ReorderBuffer<String>(firstRow: 501)
        let before = buffer.insert(row: 500, "done before")
        #expect(!before)
        buffer.insert(row: 502, "b")
        let early = buffer.popNext()
        #expect(early == nil)
        buffer.insert(row: 501, "a")
        let ready = buffer.popReady().map(\.row)
        #expect(ready == [501, 502])
    }
}
