import InvoiceAPI

/// The join: every source row of the input against every line of every results file, in the order the runs were
/// given. Pure (the requests of a run come from a closure), so the rules below are tested without files.
///
/// - A line joins the input row with its `sourceRow`, when the `rowId`s agree (both present and different: the line
///   is `foreign`, it belongs to another batch).
/// - A row's final outcome is its last `succeeded` result; without one, its last `failed`; without one, its last
///   result (`skipped`, `invalid`). A later `failed` never undoes a success: the change was made.
/// - `runs` counts the results files with a line for the row.
/// - Conflicts: a line whose `sourceRow` the input lacks (`foreign`); two lines for one row in one file
///   (`duplicate`); two successes whose rebuilt requests differ (`different-requests`) or cannot be rebuilt
///   (`uncomparable`). A row with a conflict ends `conflict`, whatever else it has.
struct Reconciler {
    /// One results file and what it holds.
    struct Run {
        var file: String
        var lines: [ResultLine]
    }

    /// A result for a row, and which run (0-based, in the order given) it came from.
    struct Touch {
        var run: Int
        var line: ResultLine
    }

    /// The request a succeeded row's final result sent, and when it went relative to the others: runs in the order
    /// given, rows of one run in row order (a run sends the rows of one invoice in file order).
    struct FinalRequest: Sendable {
        var operation: InvoiceOperation
        var run: Int
        var runRow: Int
        /// Where the request came from, when not the run's own input.
        var note: String?
    }

    struct Output {
        var rows: [ReconciledRow]
        var conflicts: [ReconcileConflict]
        /// By index into `rows`, for the rows that ended `succeeded` and whose request is known.
        var requests: [Int: FinalRequest]
        /// By index into `rows`: why a succeeded row's request is unknown.
        var unknownRequests: [Int: String]
    }

    let input: [InputRow]
    let runs: [Run]

    /// - Parameter requests: the requests of run `index` for the given row numbers of that run.
    func reconcile(requests: (_ run: Int, _ rows: Set<Int>) -> RunRequests) -> Output {
        var index: [Int: Int] = [:]
        for (position, row) in input.enumerated() where index[row.sourceRow] == nil { index[row.sourceRow] = position }
        var touches = Array(repeating: [Touch](), count: input.count)
        var rowConflicts = Array(repeating: [String](), count: input.count)
        var conflicts: [ReconcileConflict] = []

        for (runIndex, run) in runs.enumerated() {
            var seen: [Int: Int] = [:]
            for line in run.lines {
                let result = line.result
                guard let position = index[result.sourceRow] else {
                    conflicts.append(
                        ReconcileConflict(
                            kind: .foreign, sourceRow: result.sourceRow, rowID: result.rowID, file: run.file,
                            line: line.fileLine,
                            message: "the input has no source row \(result.sourceRow) (it has \(input.count) rows); "
                                + "this line belongs to another batch"
                        ))
                    continue
                }
                let wanted = input[position].rowID
                if let wanted, let found = result.rowID, wanted != found {
                    let message = "rowId '\(found)', but the input's row \(result.sourceRow) is '\(wanted)'; this line "
                        + "belongs to another batch"
                    conflicts.append(
                        ReconcileConflict(
                            kind: .foreign, sourceRow: result.sourceRow, rowID: found, file: run.file,
                            line: line.fileLine, message: message
                        ))
                    rowConflicts[position].append("\(run.file):\(line.fileLine) claims it with \(message)")
                    continue
                }
                if let earlier = seen[result.sourceRow] {
                    let message = "appears twice in run \(runIndex + 1), lines \(earlier) and \(line.fileLine)"
                    conflicts.append(
                        ReconcileConflict(
                            kind: .duplicate, sourceRow: result.sourceRow, rowID: result.rowID, file: run.file,
                            line: line.fileLine, message: message
                        ))
                    rowConflicts[position].append(message + " (\(run.file))")
                }
                seen[result.sourceRow] = line.fileLine
                touches[position].append(Touch(run: runIndex, line: line))
            }
        }

        // The requests of every success, rebuilt once per run.
        var wanted = Array(repeating: Set<Int>(), count: runs.count)
        for rowTouches in touches {
            for touch in rowTouches where touch.line.result.outcome == .succeeded {
                wanted[touch.run].insert(touch.line.result.row)
            }
        }
        let rebuilt = wanted.enumerated().map { run, rows in rows.isEmpty ? RunRequests() : requests(run, rows) }
        func request(_ touch: Touch) -> Result<InvoiceOperation, RequestUnknown> {
            rebuilt[touch.run].operation(row: touch.line.result.row, sourceRow: touch.line.result.sourceRow)
        }

        var output = Output(rows: [], conflicts: conflicts, requests: [:], unknownRequests: [:])
        for (position, row) in input.enumerated() {
            var reconciled = outcome(of: row, touches: touches[position])
            let successes = touches[position].filter { $0.line.result.outcome == .succeeded }
            // One success per run: two lines of one file are already a `duplicate`.
            var lastPerRun: [Int: Touch] = [:]
            for touch in successes { lastPerRun[touch.run] = touch }
            if lastPerRun.count > 1 {
                if let conflict = compare(lastPerRun.values.sorted { $0.run < $1.run }, row: row, request: request) {
                    output.conflicts.append(conflict)
                    rowConflicts[position].append(conflict.message)
                }
            }
            if let last = successes.last {
                switch request(last) {
                case .success(let operation):
                    output.requests[position] = FinalRequest(
                        operation: operation, run: last.run, runRow: last.line.result.row)
                case .failure(let unknown):
                    // The input's own request stands in when it names the same invoice the result does.
                    if let operation = row.operation, operation.key == last.line.result.invoiceKey {
                        output.requests[position] = FinalRequest(
                            operation: operation, run: last.run, runRow: last.line.result.row,
                            note: "expected values from the reconciled input (\(unknown.reason))")
                    } else {
                        output.unknownRequests[position] = unknown.reason
                    }
                }
            }
            if !rowConflicts[position].isEmpty {
                reconciled.outcome = .conflict
                reconciled.detail = "conflict: " + rowConflicts[position].joined(separator: "; ")
            }
            output.rows.append(reconciled)
        }
        return output
    }

    /// The final outcome of one row from its results, in run order.
    func outcome(of row: InputRow, touches: [Touch]) -> ReconciledRow {
        let runsTouching = Set(touches.map(\.run)).count
        var reconciled = ReconciledRow(
            row: row.sourceRow, line: row.line, rowID: row.rowID, action: row.action, invoiceKey: row.key,
            outcome: .missing, runs: runsTouching
        )
        guard !touches.isEmpty else {
            reconciled.detail = "no results file has a line for source row \(row.sourceRow): it was never run"
            return reconciled
        }
        let decisive =
            touches.last(where: { $0.line.result.outcome == .succeeded })
            ?? touches.last(where: { $0.line.result.outcome == .failed }) ?? touches.last!
        let result = decisive.line.result
        reconciled.decisive = result
        reconciled.outcome = ReconciledRow.Outcome(rawValue: result.outcome.rawValue) ?? .failed
        if let key = result.invoiceKey { reconciled.invoiceKey = key }
        if reconciled.action == nil { reconciled.action = result.action }

        var parts = ["\(result.outcome.rawValue) in run \(decisive.run + 1)" + describeError(result)]
        let earlier = touches.filter { $0.run != decisive.run || $0.line.fileLine != decisive.line.fileLine }
        if !earlier.isEmpty {
            parts.append(
                "other runs: "
                    + earlier.map { "run \($0.run + 1) \($0.line.result.outcome.rawValue)\(describeError($0.line.result))" }
                    .joined(separator: ", "))
        }
        if let given = row.key, let key = result.invoiceKey, given != key {
            parts.append("invoiceKey \(key) (the input says \(given))")
        }
        reconciled.detail = parts.joined(separator: "; ")
        return reconciled
    }

    private func describeError(_ result: RowResult) -> String {
        guard result.outcome != .succeeded else { return "" }
        let text = [result.errorCode, result.errorMessage.map { String($0.prefix(160)) }].compactMap { $0 }
            .joined(separator: " ")
        return text.isEmpty ? "" : " (\(text))"
    }

    /// A conflict when the successes of a row did not all send the same request.
    private func compare(
        _ successes: [Touch], row: InputRow, request: (Touch) -> Result<InvoiceOperation, RequestUnknown>
    ) -> ReconcileConflict? {
        let first = successes[0]
        let runsText = successes.map { "run \($0.run + 1)" }.joined(separator: ", ")
        var reference: InvoiceOperation?
        for touch in successes {
            switch request(touch) {
            case .failure(let unknown):
                return ReconcileConflict(
                    kind: .uncomparable, sourceRow: row.sourceRow, rowID: row.rowID, file: runs[touch.run].file,
                    line: touch.line.fileLine,
                    message: "succeeded in \(runsText), and whether they sent the same request cannot be told: "
                        + "\(unknown.reason); keep each results file in its run directory beside run.json"
                )
            case .success(let operation):
                guard let known = reference else {
                    reference = operation
                    continue
                }
                if known != operation {
                    return ReconcileConflict(
                        kind: .differentRequests, sourceRow: row.sourceRow, rowID: row.rowID,
                        file: runs[touch.run].file, line: touch.line.fileLine,
                        message: "succeeded in run \(first.run + 1) with \(Self.describe(known)) and in run "
                            + "\(touch.run + 1) with \(Self.describe(operation)): two different changes were made"
                    )
                }
            }
        }
        return nil
    }

    /// `PUT /v1/invoices/INV-1 {"dueDate":"2026-03-15"}`, cut to a readable length.
    static func describe(_ operation: InvoiceOperation) -> String {
        let body = operation.body.map { " " + JSONWriter.string(.object($0)) } ?? ""
        let text = "\(operation.method) \(operation.pathAndQuery)\(body)"
        return text.count > 200 ? String(text.prefix(199)) + "…" : text
    }
}
