import Foundation
import InvoiceAPI
import InvoiceBatch
import Testing

/// Fixtures under `Resources/input/` and helpers that reduce records to comparable values.
enum InputFixture {
    /// The path of `Resources/input/<name>`. The copied `Resources` folder is the bundle's resource directory on
    /// Linux (corelibs Foundation treats a top-level `Resources` folder so) and a folder inside it on Darwin.
    static func path(_ name: String) throws -> String {
        let resources = try #require(Bundle.module.resourceURL)
        let candidates = [
            resources.appendingPathComponent("Resources/input/\(name)"),
            resources.appendingPathComponent("input/\(name)"),
        ]
        let found = candidates.first { FileManager.default.fileExists(atPath: $0.path) }
        return try #require(found, "missing fixture \(name)").path
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }

    /// A file in a fresh temporary directory, removed by the caller with `removeTemporary`.
    static func temporaryFile(named name: String, contents: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "invoicebatch-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url.path
    }

    static func removeTemporary(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}

/// A record reduced to what the tests compare.
struct RecordSummary: Equatable, CustomStringConvertible {
    var row: Int
    var line: Int
    var cells: [String]
    /// nil for a good record, else the rule.
    var rule: String? = nil
    /// JSONL: the line text.
    var text: String? = nil

    init(row: Int, line: Int, cells: [String] = [], rule: String? = nil, text: String? = nil) {
        self.row = row
        self.line = line
        self.cells = cells
        self.rule = rule
        self.text = text
    }

    init(_ record: SourceRecord) {
        row = record.row
        line = record.line
        switch record.content {
        case .cells(let cells):
            self.cells = cells
        case .object(_, let text):
            self.cells = []
            self.text = text
        case .malformed(let problem, let cells, let text):
            self.cells = cells
            self.rule = problem.rule
            self.text = text.isEmpty ? nil : text
        }
    }

    var description: String { "row \(row) line \(line) \(rule ?? "ok") \(cells) \(text ?? "")" }
}

func readAll(_ reader: CSVReader) throws(InputError) -> [RecordSummary] {
    var records: [RecordSummary] = []
    while let record = try reader.next() { records.append(RecordSummary(record)) }
    return records
}

func readAll(_ reader: JSONLReader) throws(InputError) -> [RecordSummary] {
    var records: [RecordSummary] = []
    while let record = try reader.next() { records.append(RecordSummary(record)) }
    return records
}

func readAll(_ reader: RecordReader) throws(InputError) -> [SourceRecord] {
    var records: [SourceRecord] = []
    while let record = try reader.next() { records.append(record) }
    return records
}

func csvReader(_ text: String, delimiter: UInt8? = nil, blockSize: Int = 1024, maxReadSize: Int = .max) throws
    -> CSVReader
{
    try CSVReader(
        source: MemoryByteSource(bytes: Array(text.utf8), maxReadSize: maxReadSize),
        delimiter: delimiter,
        blockSize: blockSize
    )
}

extension SourceRecord {
    var problem: InputProblem? {
        if case .malformed(let problem, _, _) = content { return problem }
        return nil
    }

    var object: JSONObject? {
        if case .object(let object, _) = content { return object }
        return nil
    }
}
