import Foundation
import InvoiceAPI
import InvoiceBatch
import Synchronization
import Testing

/// A fresh directory under the system's temporary directory (unique name, like `mktemp -d`), removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("invoicebatch-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    func text(_ name: String) throws -> String {
        try String(decoding: Data(contentsOf: URL(fileURLWithPath: file(name))), as: UTF8.self)
    }

    func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: file(name))))
    }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
    }

    func append(_ text: String, to name: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file(name)))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func size(_ name: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: file(name))[.size] as? NSNumber)?.intValue ?? -1
    }

    /// Copies every file of this directory into `other` (what `kill -9` leaves on disk at this moment).
    func copyFiles(to other: TemporaryDirectory) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
            try FileManager.default.copyItem(atPath: file(name), toPath: other.file(name))
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A clock tests move by hand.
final class FakeClock: Sendable {
    private let now = Mutex<Duration>(.zero)

    func advance(by duration: Duration) { now.withLock { $0 += duration } }

    var elapsed: @Sendable () -> Duration { { [self] in now.withLock { $0 } } }
}

/// Collects what a reporter writes.
final class TextSink: Sendable {
    private let parts = Mutex<[String]>([])

    var write: @Sendable (String) -> Void { { [self] text in parts.withLock { $0.append(text) } } }
    var all: [String] { parts.withLock { $0 } }
}

/// A small deterministic generator (SplitMix64) so shuffles are reproducible from a seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A result for `row` with fixed, readable values.
func sampleResult(
    row: Int, sourceRow: Int? = nil, outcome: RowResult.Outcome = .succeeded, code: String? = nil,
    message: String? = nil, attempts: Int = 1, durationMs: Int = 100, tooManyRequests: Int = 0
) -> RowResult {
    RowResult(
        row: row, sourceRow: sourceRow ?? row, line: row + 1, rowID: "ERP-\(row)", action: "update",
        invoiceKey: "INV-\(row)", outcome: outcome, httpStatus: outcome == .succeeded || outcome == .failed ? 200 : nil,
        errorCode: code, errorMessage: message, attempts: attempts, durationMs: durationMs,
        requestID: attempts > 0 ? "req-\(row)" : nil, trackID: attempts > 0 ? "run-\(row)-\(attempts)" : nil,
        processID: nil, finishedAt: "2026-11-21T20:38:26.123Z", tooManyRequests: tooManyRequests
    )
}

/// Every record of a file, through the real front door.
func readRecords(_ path: String) throws -> (reader: RecordReader, records: [SourceRecord]) {
    let reader = try RecordReader(path: path)
    var records: [SourceRecord] = []
    while let record = try reader.next() { records.append(record) }
    return (reader, records)
}
