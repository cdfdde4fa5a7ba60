#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
private typealias Glibc = Darwin
#endif

/// Prints diagnostics to standard error in compiler style, without drowning the screen: after `limit`
/// findings of the same rule in the same column, the rest are counted and summed up at the end (a misnamed
/// column in a 2,000-row sheet is one problem, not 2,000 lines). The `--report` file keeps every one.
public final class DiagnosticPrinter {
    private let file: String
    private let limit: Int
    private var shown: [String: Int] = [:]
    private var hidden: [(key: String, example: Diagnostic, count: Int)] = []
    private var hiddenIndex: [String: Int] = [:]

    /// - Parameters:
    ///   - file: the name to print before each line (the input path as the user gave it).
    ///   - limit: how many findings of one rule in one column to print.
    public init(file: String, limit: Int = 10) {
        self.file = file
        self.limit = limit
    }

    /// Prints `diagnostic`, or counts it when its kind has been shown `limit` times.
    public func print(_ diagnostic: Diagnostic) {
        let key = "\(diagnostic.severity.rawValue)|\(diagnostic.rule)|\(diagnostic.column ?? "")"
        let count = shown[key, default: 0]
        if count < limit {
            shown[key] = count + 1
            StandardError.write(diagnostic.rendered(file: file) + "\n")
        } else if let index = hiddenIndex[key] {
            hidden[index].count += 1
        } else {
            hiddenIndex[key] = hidden.count
            hidden.append((key, diagnostic, 1))
        }
    }

    /// Prints one line per kind of finding that was not shown in full.
    public func finish() {
        for entry in hidden {
            let column = entry.example.column.map { " in column '\($0)'" } ?? ""
            StandardError.write(
                "\(file): note: \(entry.count) more \(entry.example.severity.rawValue)s [\(entry.example.rule)]"
                    + "\(column) not shown; --report PATH writes every finding\n"
            )
        }
    }
}

/// Unbuffered writes to standard error (diagnostics, progress, the human summary).
public enum StandardError {
    public static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
