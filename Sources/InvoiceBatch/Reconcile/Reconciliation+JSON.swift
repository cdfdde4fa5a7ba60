import InvoiceAPI

extension Reconciliation {
    /// `reconciliation.json`: the summary a script reads — counts by outcome, action and verification, the runs, the
    /// conflicts, the rows needing attention, error codes and latency — members in a fixed order.
    public var jsonObject: JSONObject {
        func number(_ value: Int) -> JSONValue { .number(String(value)) }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        var object = JSONObject()
        object["input"] = .string(inputPath)
        object["createdAt"] = .string(createdAt)
        object["exitCode"] = number(Int(exit.rawValue))
        object["rows"] = number(rows.count)
        var outcomes = JSONObject()
        let counts = outcomeCounts
        for outcome in ReconciledRow.Outcome.allCases { outcomes[outcome.rawValue] = number(counts[outcome] ?? 0) }
        object["outcomes"] = .object(outcomes)
        var byAction = JSONObject()
        for (action, actionCounts) in outcomesByAction {
            var entry = JSONObject()
            for outcome in ReconciledRow.Outcome.allCases where (actionCounts[outcome] ?? 0) > 0 {
                entry[outcome.rawValue] = number(actionCounts[outcome]!)
            }
            byAction[action] = .object(entry)
        }
        object["outcomesByAction"] = .object(byAction)
        var runsObject = JSONObject()
        for (runs, count) in runsHistogram { runsObject[String(runs)] = number(count) }
        object["rowsByRuns"] = .object(runsObject)
        object["runs"] = .array(
            self.runs.enumerated().map { index, run in
                var entry = JSONObject()
                entry["run"] = number(index + 1)
                entry["results"] = .string(run.file)
                entry["runId"] = text(run.runID)
                entry["target"] = text(run.target)
                entry["lines"] = number(run.lines)
                return .object(entry)
            })
        if let verification {
            var entry = JSONObject()
            entry["target"] = .object(verification.target.jsonObject)
            entry["targetFrom"] = .string(verification.targetSource)
            entry["invoicesRead"] = number(verification.invoicesRead)
            entry["readFailures"] = number(verification.readFailures)
            entry["uncheckedRows"] = number(verification.uncheckedRows)
            let verified = verificationCounts
            for value in ReconciledRow.Verification.allCases { entry[value.rawValue] = number(verified[value] ?? 0) }
            object["verification"] = .object(entry)
        } else {
            object["verification"] = .null
        }
        object["conflicts"] = .array(
            conflicts.map { conflict in
                var entry = JSONObject()
                entry["kind"] = .string(conflict.kind.rawValue)
                entry["sourceRow"] = number(conflict.sourceRow)
                entry["rowId"] = text(conflict.rowID)
                entry["results"] = .string(conflict.file)
                entry["line"] = conflict.line.map(number) ?? .null
                entry["message"] = .string(conflict.message)
                return .object(entry)
            })
        object["errorCodes"] = .array(
            rankedErrorCodes.map { code, count in
                var entry = JSONObject()
                entry["code"] = .string(code)
                entry["count"] = number(count)
                entry["message"] = text(errorSamples[code])
                return .object(entry)
            })
        var latencyObject = JSONObject()
        latencyObject["requests"] = number(latency.count)
        for (name, percentile) in [("p50", 50.0), ("p95", 95.0), ("p99", 99.0)] {
            latencyObject[name] = latency.value(atPercentile: percentile).map(number) ?? .null
        }
        latencyObject["max"] = latency.max.map(number) ?? .null
        object["latencyMs"] = .object(latencyObject)
        object["attention"] = .array(
            rowsNeedingAttention.map { row in
                var entry = JSONObject()
                entry["row"] = number(row.row)
                entry["rowId"] = text(row.rowID)
                entry["action"] = text(row.action)
                entry["invoiceKey"] = text(row.invoiceKey)
                entry["outcome"] = .string(row.outcome.rawValue)
                entry["verified"] = .string(row.verified.rawValue)
                entry["errorCode"] = text(row.decisive?.errorCode)
                entry["mismatches"] = .array(
                    row.mismatches.map { mismatch in
                        var field = JSONObject()
                        field["field"] = .string(mismatch.field)
                        field["expected"] = .string(mismatch.expected)
                        field["actual"] = .string(mismatch.actual)
                        return .object(field)
                    })
                entry["detail"] = .string(row.detail)
                return .object(entry)
            })
        return object
    }
}
