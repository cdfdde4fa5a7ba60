#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InvoiceAPI

/// The requests one run sent, rebuilt from the input that run read.
///
/// Results carry no request body, so "two `succeeded` results with different request content" can only be told by
/// building each run's request again: `run.json` beside the results names the run's input (an absolute path; the
/// spooled copy for standard input) with its size and sha256, and its `--action`. The input is read again through
/// the same `RecordReader` and `RowChecker` the run used, so the rebuilt operation (method, path, query, body) is
/// byte for byte the one sent — and only if the file is unchanged: a different sha256 makes the requests unknown
/// rather than guessed.
struct RunRequests: Sendable {
    /// The operation of each wanted row, by the run's `row` (`nil` for a row that does not build one).
    private(set) var operations: [Int: InvoiceOperation?] = [:]
    /// The source row each wanted row of the run's input carries (`#sourceRow`, else its row number).
    private(set) var sourceRows: [Int: Int] = [:]
    /// Why the requests are unknown; `nil` when they were rebuilt.
    private(set) var unavailable: String?
    /// The input the requests were rebuilt from.
    private(set) var inputPath: String?

    static func unavailable(_ reason: String) -> RunRequests {
        var requests = RunRequests()
        requests.unavailable = reason
        return requests
    }

    /// Rebuilds the requests of `rows` (the run's own row numbers) of the run that wrote `file`.
    static func load(_ file: ResultsFile, rows: Set<Int>) -> RunRequests {
        guard let manifest = file.manifest else {
            return .unavailable(file.manifestProblem ?? "no run.json beside \(file.path)")
        }
        var path = manifest.inputPath
        if access(path, R_OK) != 0 {
            // A moved run directory still holds its spooled standard input.
            let spool = "\(file.directory)/\(RunDirectory.spoolName)"
            guard path.hasSuffix("/" + RunDirectory.spoolName), access(spool, R_OK) == 0 else {
                return .unavailable("the run's input \(path) (named by \(RunManifest.path(in: file.directory))) is gone")
            }
            path = spool
        }
        if let recorded = manifest.input {
            let current: InputFingerprint
            do { current = try InputFingerprint.compute(path: path) } catch {
                return .unavailable(error.message)
            }
            guard current == recorded else {
                return .unavailable(
                    "the run's input \(path) changed since the run (sha256 was \(recorded.sha256.prefix(12))…, now "
                        + "\(current.sha256.prefix(12))…)"
                )
            }
        }
        var requests = RunRequests()
        requests.inputPath = path
        do {
            let reader = try RecordReader(path: path, format: manifest.format, delimiter: manifest.delimiter)
            let action = manifest.settings["action"]?.stringValue.flatMap(InvoiceAction.init(rawValue:))
            let checker = RowChecker(header: reader.format == .csv ? reader.header : nil, defaultAction: action)
            while let record = try reader.next() {
                guard rows.contains(record.row) else { continue }
                let row = checker.check(record)
                requests.operations[record.row] = .some(row.operation)
                requests.sourceRows[record.row] = row.sourceRow
            }
        } catch {
            return .unavailable("the run's input \(path) cannot be read again: \(error.message)")
        }
        return requests
    }

    /// Records one row's request (for tests that build requests without files).
    mutating func setForTesting(row: Int, sourceRow: Int, operation: InvoiceOperation?) {
        operations[row] = .some(operation)
        sourceRows[row] = sourceRow
    }

    /// The request row `row` of the run sent, or why it is unknown.
    func operation(row: Int, sourceRow: Int) -> Result<InvoiceOperation, RequestUnknown> {
        if let unavailable { return .failure(RequestUnknown(reason: unavailable)) }
        guard let source = sourceRows[row], let operation = operations[row] else {
            return .failure(RequestUnknown(reason: "the run's input \(inputPath ?? "?") has no row \(row)"))
        }
        guard source == sourceRow else {
            return .failure(
                RequestUnknown(
                    reason: "row \(row) of the run's input \(inputPath ?? "?") is source row \(source), not \(sourceRow)")
            )
        }
        guard let operation else {
            return .failure(RequestUnknown(reason: "row \(row) of the run's input builds no request (invalid)"))
        }
        return .success(operation)
    }
}

/// Why the request a result was for cannot be rebuilt.
struct RequestUnknown: Error, Sendable {
    var reason: String
}
