import InvoiceAPI

/// Counts what the summary reports, one `RowResult` at a time, in constant memory: the summary of a 500,000-row run
/// is built while its results stream out, never from a second pass.
///
/// Feed it each row as it is written in input order (so at a checkpoint it covers exactly the rows written), plus
/// the run's own counters (`add(counter:)`: token requests, read-backs, …). Its `snapshot` goes into the journal's
/// checkpoints, and `init(snapshot:)` restores it on `--resume`, so a resumed run's summary counts every row once.
///
/// Distinct error codes are capped at `maxErrorCodes`; codes seen after that are counted under `other` (a
/// provider does not have thousands of codes, but a free-text "code" from a misbehaving proxy must not grow memory).
public struct SummaryAccumulator: Sendable {
    /// One error code's tally.
    public struct ErrorCodeCount: Sendable, Hashable {
        public var code: String
        public var count: Int
        /// The first message seen with this code (on one line, at most `sampleLength` characters).
        public var sample: String
    }

    /// How many distinct error codes are told apart.
    public static let maxErrorCodes = 1_000
    /// Longest sample message kept.
    public static let sampleLength = 200
    /// The key for failed rows that carry no error code.
    public static let noCode = "(none)"

    /// Rows counted.
    public private(set) var rows = 0
    /// Rows by outcome.
    public private(set) var outcomes: [RowResult.Outcome: Int] = [:]
    /// Rows by action (`(none)` when the row named none).
    public private(set) var actions: [String: Int] = [:]
    /// Rows that did not succeed, by error code.
    public private(set) var errorCodes: [String: ErrorCodeCount] = [:]
    /// Rows whose code arrived after `maxErrorCodes` distinct codes.
    public private(set) var otherErrorCodes = 0
    /// HTTP attempts over all rows.
    public private(set) var attempts = 0
    /// Attempts beyond each row's first.
    public private(set) var retries = 0
    /// HTTP 429 answers over all rows.
    public private(set) var tooManyRequests = 0
    /// The caller's own counters.
    public private(set) var counters: [String: Int] = [:]
    /// Durations of rows that sent at least one request.
    public private(set) var latency = LatencyHistogram()
    /// Time spent running, over every session of a resumed run (the caller keeps it current; `RunOutputs` does).
    public var elapsedMilliseconds = 0

    public init() {}

    /// Counts one row.
    public mutating func add(_ result: RowResult) {
        rows += 1
        outcomes[result.outcome, default: 0] += 1
        actions[result.action ?? Self.noCode, default: 0] += 1
        attempts += result.attempts
        retries += max(result.attempts - 1, 0)
        tooManyRequests += result.tooManyRequests
        if result.attempts > 0 { latency.record(result.durationMs) }
        guard result.outcome != .succeeded else { return }
        let code = result.errorCode ?? Self.noCode
        if errorCodes[code] != nil {
            errorCodes[code]!.count += 1
        } else if errorCodes.count < Self.maxErrorCodes {
            let sample = String(RowResult.singleLine(result.errorMessage ?? "").prefix(Self.sampleLength))
            errorCodes[code] = ErrorCodeCount(code: code, count: 1, sample: sample)
        } else {
            otherErrorCodes += 1
        }
    }

    /// Adds to one of the caller's counters (shown in the summary under `counters`).
    public mutating func add(counter name: String, _ amount: Int = 1) {
        counters[name, default: 0] += amount
    }

    /// Error codes, most frequent first (ties by code).
    public var errorCodesByCount: [ErrorCodeCount] {
        errorCodes.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
    }

    // MARK: Snapshot

    /// The whole state as JSON, for a journal checkpoint.
    public var snapshot: JSONObject {
        func number(_ value: Int) -> JSONValue { .number(String(value)) }
        func counts(_ dictionary: [String: Int]) -> JSONValue {
            let sorted = dictionary.sorted { $0.key < $1.key }
            return .object(
                JSONObject(uncheckedUniqueMembers: sorted.map { .init(key: $0.key, value: number($0.value)) }))
        }
        var object = JSONObject()
        object["rows"] = number(rows)
        object["outcomes"] = counts(Dictionary(uniqueKeysWithValues: outcomes.map { ($0.key.rawValue, $0.value) }))
        object["actions"] = counts(actions)
        object["errorCodes"] = .array(
            errorCodesByCount.map { .array([.string($0.code), number($0.count), .string($0.sample)]) }
        )
        object["otherErrorCodes"] = number(otherErrorCodes)
        object["attempts"] = number(attempts)
        object["retries"] = number(retries)
        object["tooManyRequests"] = number(tooManyRequests)
        object["counters"] = counts(counters)
        object["latency"] = latency.snapshot
        object["elapsedMs"] = number(elapsedMilliseconds)
        return object
    }

    /// Restores a `snapshot` (from the journal's last checkpoint).
    /// - Throws: `OutputError` `.corruptFile` when `snapshot` is not one.
    public init(snapshot: JSONObject) throws(OutputError) {
        func fail(_ what: String) -> OutputError {
            OutputError(
                code: .corruptFile,
                message: "the journal's last checkpoint has no valid '\(what)' in its stats; the journal was edited — "
                    + "start a new run with another --out",
                path: ""
            )
        }
        func int(_ key: String, in object: JSONObject) throws(OutputError) -> Int {
            guard case .number(let literal)? = object[key], let value = Int(literal) else { throw fail(key) }
            return value
        }
        func int(_ key: String) throws(OutputError) -> Int {
            try int(key, in: snapshot)
        }
        func counts(_ key: String) throws(OutputError) -> [String: Int] {
            guard let object = snapshot[key]?.objectValue else { throw fail(key) }
            var result: [String: Int] = [:]
            for member in object.members { result[member.key] = try int(member.key, in: object) }
            return result
        }
        rows = try int("rows")
        for (name, count) in try counts("outcomes") {
            guard let outcome = RowResult.Outcome(rawValue: name) else { throw fail("outcomes") }
            outcomes[outcome] = count
        }
        actions = try counts("actions")
        guard let codes = snapshot["errorCodes"]?.arrayValue else { throw fail("errorCodes") }
        for entry in codes {
            guard let parts = entry.arrayValue, parts.count == 3, let code = parts[0].stringValue,
                case .number(let literal) = parts[1], let count = Int(literal), let sample = parts[2].stringValue
            else { throw fail("errorCodes") }
            errorCodes[code] = ErrorCodeCount(code: code, count: count, sample: sample)
        }
        otherErrorCodes = try int("otherErrorCodes")
        attempts = try int("attempts")
        retries = try int("retries")
        tooManyRequests = try int("tooManyRequests")
        counters = try counts("counters")
        guard let histogram = snapshot["latency"].flatMap(LatencyHistogram.init(snapshot:)) else {
            throw fail("latency")
        }
        latency = histogram
        elapsedMilliseconds = try int("elapsedMs")
    }
}
