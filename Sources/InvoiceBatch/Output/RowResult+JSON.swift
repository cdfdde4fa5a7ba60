import InvoiceAPI

extension RowResult {
    /// The line of `results.jsonl`: the members of `columns`, in that order, numbers as JSON numbers and absent
    /// values as `null`.
    ///
    /// `null` rather than leaving the member out, so every line has the same sixteen members in the same order as the
    /// CSV header: tools that infer a schema from the first lines (DuckDB, pandas, BigQuery) and `jq` pipelines that
    /// pick members by name all see one shape, whether or not a row got an answer.
    public var jsonObject: JSONObject {
        var members: [JSONObject.Member] = []
        members.reserveCapacity(17)
        func add(_ key: String, _ value: JSONValue) { members.append(JSONObject.Member(key: key, value: value)) }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        add("row", .number(String(row)))
        add("sourceRow", .number(String(sourceRow)))
        add("line", .number(String(line)))
        add("rowId", text(rowID))
        add("action", text(action))
        add("invoiceKey", text(invoiceKey))
        add("outcome", .string(outcome.rawValue))
        add("httpStatus", httpStatus.map { .number(String($0)) } ?? .null)
        add("errorCode", text(errorCode))
        add("errorMessage", text(errorMessage))
        add("attempts", .number(String(attempts)))
        add("durationMs", .number(String(durationMs)))
        add("requestId", text(requestID))
        add("trackId", text(trackID))
        add("processId", text(processID))
        add("finishedAt", .string(finishedAt))
        return JSONObject(uncheckedUniqueMembers: members)
    }

    /// The journal's line for this row: `jsonObject` plus what the journal alone keeps (`tooManyRequests`).
    var journalObject: JSONObject {
        var object = jsonObject
        object["tooManyRequests"] = .number(String(tooManyRequests))
        return object
    }

    /// Reads a line written by `jsonObject` or `journalObject` (missing optional members are absent values).
    /// - Throws: `OutputError` `.corruptFile` naming the member that is missing or of the wrong type.
    public init(json object: JSONObject, path: String = "") throws(OutputError) {
        func fail(_ member: String, _ expected: String) -> OutputError {
            OutputError(
                code: .corruptFile,
                message: "'\(path)': a row line's '\(member)' is not \(expected); the file was not written by this "
                    + "tool or was edited",
                path: path
            )
        }
        func int(_ key: String) throws(OutputError) -> Int? {
            switch object[key] {
            case nil, .null?: return nil
            case .number(let literal)?:
                guard let value = Int(literal) else { throw fail(key, "a whole number") }
                return value
            default: throw fail(key, "a number")
            }
        }
        func required(_ key: String) throws(OutputError) -> Int {
            guard let value = try int(key) else { throw fail(key, "present") }
            return value
        }
        func text(_ key: String) throws(OutputError) -> String? {
            switch object[key] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            default: throw fail(key, "a string")
            }
        }
        guard let outcomeText = try text("outcome"), let outcome = Outcome(rawValue: outcomeText) else {
            throw fail("outcome", "one of " + Outcome.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.init(
            row: try required("row"), sourceRow: try required("sourceRow"), line: try required("line"),
            rowID: try text("rowId"), action: try text("action"), invoiceKey: try text("invoiceKey"), outcome: outcome,
            httpStatus: try int("httpStatus"), errorCode: try text("errorCode"), errorMessage: try text("errorMessage"),
            attempts: try int("attempts") ?? 0, durationMs: try int("durationMs") ?? 0,
            requestID: try text("requestId"),
            trackID: try text("trackId"), processID: try text("processId"), finishedAt: try text("finishedAt") ?? "",
            tooManyRequests: try int("tooManyRequests") ?? 0
        )
    }

    /// `message` on one line: each CR LF, CR or LF becomes one space.
    ///
    /// A provider's message can span lines (several reasons, a stack trace from AppZen). In a report a multi-line
    /// cell is valid CSV but breaks every tool that counts lines (`wc -l`, `grep`, `head`, a spreadsheet's "one row =
    /// one line" import preview), and "exactly one line per input row" is the report's promise. Nothing is dropped:
    /// every reason stays in the message.
    public static func singleLine(_ message: String) -> String {
        guard message.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return message }
        var out: [UInt8] = []
        out.reserveCapacity(message.utf8.count)
        var previousWasCR = false
        for byte in message.utf8 {
            switch byte {
            case 0x0D:
                out.append(0x20)
                previousWasCR = true
            case 0x0A:
                if !previousWasCR { out.append(0x20) }
                previousWasCR = false
            default:
                out.append(byte)
                previousWasCR = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
