import InvoiceAPI

/// The end-of-run account: `summary.json` in the run directory for scripts and dashboards, and `text`, the
/// one-screen version printed to standard error for the person who ran it.
///
/// A value built from a `SummaryAccumulator` and what only the caller knows (run id, input, target, times, exit
/// code, where the files are), so it is the same whether the run went straight through or was resumed.
public struct RunSummary: Sendable {
    /// `summary.json`.
    public static let fileName = "summary.json"

    public var runID: String
    /// The input as given (absolute path when from a file), and its sha256 (nil for standard input).
    public var inputPath: String
    public var inputSHA256: String?
    public var target: RunTarget
    /// ISO 8601 UTC: when the run first started (before any resume) and when it ended.
    public var startedAt: String
    public var endedAt: String
    /// The process's exit code: 0 all succeeded, 1 some failed or were skipped, 2 usage or invalid input, 3 aborted.
    public var exitCode: Int32
    /// The files to point the user at, in order (`results`, `failures`, `summary`, `audit`, …).
    public var files: [(label: String, path: String)]
    /// The counts.
    public var counts: SummaryAccumulator
    /// How many error codes `summary.json` lists before `other`.
    public var topErrorCodes: Int

    public init(
        counts: SummaryAccumulator, runID: String, inputPath: String, inputSHA256: String?, target: RunTarget,
        startedAt: String, endedAt: String, exitCode: Int32, files: [(label: String, path: String)] = [],
        topErrorCodes: Int = 20
    ) {
        self.counts = counts
        self.runID = runID
        self.inputPath = inputPath
        self.inputSHA256 = inputSHA256
        self.target = target
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.exitCode = exitCode
        self.files = files
        self.topErrorCodes = topErrorCodes
    }

    /// Every 429 the run met: the rows' own, or — when the caller counted them — all of them, key look-ups and
    /// read-backs included (the `tooManyRequestsAll` counter).
    public var tooManyRequests: Int {
        max(counts.tooManyRequests, counts.counters["tooManyRequestsAll"] ?? 0)
    }

    /// Rows per second of running time (0 before any time has passed).
    public var rowsPerSecond: Double {
        counts.elapsedMilliseconds > 0 ? Double(counts.rows) * 1_000 / Double(counts.elapsedMilliseconds) : 0
    }

    /// The first `limit` error codes by count, and how many rows the others hold.
    public func errorCodes(limit: Int) -> (top: [SummaryAccumulator.ErrorCodeCount], other: Int) {
        let sorted = counts.errorCodesByCount
        let top = Array(sorted.prefix(limit))
        let other = sorted.dropFirst(limit).reduce(counts.otherErrorCodes) { $0 + $1.count }
        return (top, other)
    }

    /// What the exit code means, in words.
    public var exitMeaning: String {
        switch exitCode {
        case 0: "every row succeeded"
        case 1: "some rows did not succeed"
        case 2: "usage error or invalid input; nothing was sent"
        case 3: "aborted; the run can be resumed with --resume"
        default: "exit code \(exitCode)"
        }
    }

    /// The content of `summary.json`.
    public var jsonObject: JSONObject {
        func number(_ value: Int) -> JSONValue { .number(String(value)) }
        var object = JSONObject()
        object["runId"] = .string(runID)
        object["exitCode"] = number(Int(exitCode))
        object["startedAt"] = .string(startedAt)
        object["endedAt"] = .string(endedAt)
        object["elapsedSeconds"] = .number(NumberText.jsonNumber(Double(counts.elapsedMilliseconds) / 1_000))
        object["input"] = .object(
            JSONObject(["path": .string(inputPath), "sha256": inputSHA256.map(JSONValue.string) ?? .null])
        )
        object["target"] = .object(target.jsonObject)
        object["rows"] = number(counts.rows)
        var outcomes = JSONObject()
        for outcome in RowResult.Outcome.allCases { outcomes[outcome.rawValue] = number(counts.outcomes[outcome] ?? 0) }
        object["outcomes"] = .object(outcomes)
        var actions = JSONObject()
        for (name, count) in counts.actions.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key })
        {
            actions[name] = number(count)
        }
        object["actions"] = .object(actions)
        let (top, other) = errorCodes(limit: topErrorCodes)
        var codes: [JSONValue] = top.map { entry in
            .object(
                JSONObject(["code": .string(entry.code), "count": number(entry.count), "sample": .string(entry.sample)])
            )
        }
        if other > 0 { codes.append(.object(JSONObject(["code": .string("other"), "count": number(other)]))) }
        object["errorCodes"] = .array(codes)
        object["requests"] = .object(
            JSONObject([
                "attempts": number(counts.attempts), "retries": number(counts.retries),
                "tooManyRequests": number(tooManyRequests),
            ])
        )
        var counters = JSONObject()
        for (name, value) in counts.counters.sorted(by: { $0.key < $1.key }) { counters[name] = number(value) }
        object["counters"] = .object(counters)
        object["throughput"] = .object(JSONObject(["rowsPerSecond": .number(NumberText.jsonNumber(rowsPerSecond))]))
        let latency = counts.latency
        func percentile(_ p: Double) -> JSONValue { latency.value(atPercentile: p).map(number) ?? .null }
        object["latencyMs"] = .object(
            JSONObject([
                "count": number(latency.count), "p50": percentile(50), "p95": percentile(95), "p99": percentile(99),
                "max": latency.max.map(number) ?? .null,
                "mean": latency.mean.map { .number(NumberText.jsonNumber($0)) } ?? .null,
            ])
        )
        var fileObject = JSONObject()
        for file in files { fileObject[file.label] = .string(file.path) }
        object["files"] = .object(fileObject)
        return object
    }

    /// Writes `summary.json` (indented) into `directory`, atomically.
    /// - Throws: `OutputError` `.cannotCreate`, `.writeFailed`.
    public func write(directory: String) throws(OutputError) {
        let path = directory.hasSuffix("/") ? directory + Self.fileName : "\(directory)/\(Self.fileName)"
        try OutputFile.writeAtomically(PrettyJSON.bytes(.object(jsonObject)), to: path)
    }
}
