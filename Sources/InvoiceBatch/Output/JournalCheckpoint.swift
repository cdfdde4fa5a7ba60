import InvoiceAPI

/// A point at which the in-order outputs were complete and flushed: rows `1...rows` are in the results (and, when
/// they did not succeed, failures) file, which then held exactly `resultsBytes` (`failuresBytes`) bytes.
///
/// `--resume` cuts both files back to these sizes and goes on from row `rows + 1`, so whatever was written after it
/// (rows of a chunk whose checkpoint never came) is written again exactly once.
public struct JournalCheckpoint: Sendable, Hashable {
    /// Rows emitted in input order (the first `rows` rows are done and written).
    public var rows: Int
    /// Size of the results file at this point.
    public var resultsBytes: Int
    /// Size of the failures file at this point.
    public var failuresBytes: Int
    /// Cumulative counters of the caller at this point (`SummaryAccumulator.snapshot`), restored on resume so the
    /// summary of a resumed run counts every row once.
    public var stats: JSONObject

    public init(rows: Int, resultsBytes: Int, failuresBytes: Int, stats: JSONObject = JSONObject()) {
        self.rows = rows
        self.resultsBytes = resultsBytes
        self.failuresBytes = failuresBytes
        self.stats = stats
    }

    var jsonObject: JSONObject {
        JSONObject(uncheckedUniqueMembers: [
            .init(key: "checkpoint", value: .number(String(rows))),
            .init(key: "resultsBytes", value: .number(String(resultsBytes))),
            .init(key: "failuresBytes", value: .number(String(failuresBytes))),
            .init(key: "stats", value: .object(stats)),
        ])
    }

    /// Reads a checkpoint line; nil when `object` is not one.
    init?(json object: JSONObject) {
        guard case .number(let rows)? = object["checkpoint"], let rows = Int(rows),
            case .number(let results)? = object["resultsBytes"], let resultsBytes = Int(results),
            case .number(let failures)? = object["failuresBytes"], let failuresBytes = Int(failures)
        else { return nil }
        self.init(
            rows: rows, resultsBytes: resultsBytes, failuresBytes: failuresBytes,
            stats: object["stats"]?.objectValue ?? JSONObject())
    }
}
