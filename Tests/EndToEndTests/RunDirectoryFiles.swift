import Foundation
import Testing

/// A CSV file read back whole (RFC 4180: quoted cells, `""`, newlines inside quotes), written by the binary or by
/// a test.
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    init(contentsOf url: URL) throws {
        let records = CSVTable.parse(try String(contentsOf: url, encoding: .utf8))
        header = records.first ?? []
        rows = Array(records.dropFirst())
    }

    /// Row `index`'s cell in `column`.
    func cell(_ index: Int, _ column: String) -> String {
        guard let position = header.firstIndex(of: column), position < rows[index].count else {
            return "<no \(column)>"
        }
        return rows[index][position]
    }

    /// Every row's cell in `column`.
    func column(_ column: String) -> [String] {
        rows.indices.map { cell($0, column) }
    }

    /// The file's text (CRLF-free, quoted where needed).
    var text: String {
        ([header] + rows).map { $0.map(CSVTable.quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    func write(to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if quoted {
                if char == "\"" {
                    if index + 1 < chars.count, chars[index + 1] == "\"" {
                        cell.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(char)
                }
            } else if char == "\"" {
                quoted = true
            } else if char == "," {
                record.append(cell)
                cell = ""
            } else if char == "\n" || char == "\r" {
                if char == "\r", index + 1 < chars.count, chars[index + 1] == "\n" { index += 1 }
                record.append(cell)
                records.append(record)
                record = []
                cell = ""
            } else {
                cell.unicodeScalars.append(char)
            }
            index += 1
        }
        if !cell.isEmpty || !record.isEmpty {
            record.append(cell)
            records.append(record)
        }
        return records
    }
}

/// The files of a run directory, read back for assertions.
struct RunDirectoryFiles {
    static let resultsColumns = [
        "row", "sourceRow", "line", "rowId", "action", "invoiceKey", "outcome", "httpStatus", "errorCode",
        "errorMessage", "attempts", "durationMs", "requestId", "trackId", "processId", "finishedAt",
    ]

    let directory: URL

    init(_ directory: URL) { self.directory = directory }

    func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

    var results: CSVTable { get throws { try CSVTable(contentsOf: file("results.csv")) } }
    var failures: CSVTable { get throws { try CSVTable(contentsOf: file("failures.csv")) } }

    /// `results.jsonl` / `failures.jsonl`, one object per line.
    func jsonLines(_ name: String) throws -> [[String: Any]] {
        try String(contentsOf: file(name), encoding: .utf8).split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw SandboxProcessError("\(name): not an object: \(line)")
            }
            return object
        }
    }

    var summary: RunSummaryView {
        get throws { try JSONDecoder().decode(RunSummaryView.self, from: Data(contentsOf: file("summary.json"))) }
    }

    /// Every regular file of the directory with its bytes.
    func allFiles() throws -> [(name: String, data: Data)] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().compactMap { name in
            var isDirectory: ObjCBool = false
            let path = file(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return nil
            }
            return (name, try Data(contentsOf: file(name)))
        }
    }
}

/// The members of `summary.json` the tests check.
struct RunSummaryView: Decodable {
    struct Requests: Decodable {
        let attempts: Int
        let retries: Int
        let tooManyRequests: Int
    }

    let exitCode: Int
    let rows: Int
    let outcomes: [String: Int]
    let requests: Requests
}

/// The integer in a JSONL member (JSONSerialization gives `NSNumber`s or Swift numbers depending on the platform).
func integer(_ value: Any?) -> Int? {
    switch value {
    case let number as Int: number
    case let number as NSNumber: number.intValue
    case let text as String: Int(text)
    default: nil
    }
}

/// Fails the test with `message` unless `url` does not exist.
func expectAbsent(_ url: URL, _ message: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(
        !FileManager.default.fileExists(atPath: url.path), "\(url.path) exists \(message)",
        sourceLocation: sourceLocation)
}
