import InvoiceAPI

extension BatchRun {
    /// The second pass over the input: each row becomes work for the dispatcher — or a known result (invalid,
    /// already done before a resume) — and each result goes to the outputs the moment it exists.
    func execute(
        path: String, preflight: Preflight.Report, resolved: [String: Result<String, ClientError>],
        client: InvoiceClient, flow: FlowControl, outputs: RunOutputs, progress: ProgressReporter,
        interrupts: InterruptMonitor
    ) async throws -> OrderedDispatcher<CheckedRow, RowEnd>.Report {
        let reader = try RecordReader(path: path, format: preflight.format, delimiter: preflight.delimiter)
        let checker = RowChecker(
            header: preflight.format == .csv ? reader.header : nil, defaultAction: configuration.defaultAction
        )
        let priorRows = outputs.emittedRows
        let prior = priorRows > 0
            ? try PriorResults(path: outputs.resultsPath, format: preflight.format, delimiter: preflight.delimiter) : nil
        var read = 0
        var firstUnsuccessful: [String: Int] = [:]
        let dispatcher = OrderedDispatcher<CheckedRow, RowEnd>(
            lookahead: configuration.lookahead, continueAfterFailure: configuration.onFailure == .continue
        )
        return try await dispatcher.run(
            .init(
                next: {
                    guard let record = try reader.next() else { return nil }
                    read += 1
                    let row = checker.check(record)
                    let key = Self.queueKey(for: row, resolved: resolved)
                    func known(_ result: RowResult, _ disposition: RowEnd.Disposition) -> OrderedDispatcher<CheckedRow, RowEnd>.Work {
                        .init(row: record.row, key: key, item: row, known: RowEnd(result: result, disposition: disposition))
                    }
                    if record.row <= priorRows {
                        let outcome = try prior?.next() ?? .succeeded
                        var result = RowResult(invalid: row)
                        result.outcome = outcome
                        return known(result, .prior)
                    }
                    if let done = outputs.alreadyFinished(row: record.row) { return known(done, .replay) }
                    guard row.operation != nil else { return known(RowResult(invalid: row), .new) }
                    if let raw = Self.rawKey(for: row), case .failure(let error)? = resolved[raw] {
                        return known(RowResult(unresolved: row, error: error), .new)
                    }
                    return .init(row: record.row, key: key, item: row)
                },
                execute: { row in
                    let call = RowCall(
                        operation: row.operation!, row: row.row, sourceRow: row.sourceRow, trackID: row.trackID
                    )
                    let outcome = await client.execute(call)
                    if Task.isCancelled, outcome.errorCode == "cancelled" || outcome.errorCode == "interrupted" {
                        return RowEnd(result: RowResult(row, outcome: outcome), disposition: .unfinished)
                    }
                    return RowEnd(result: RowResult(row, outcome: outcome), disposition: .new)
                },
                isSuccess: { end in end.disposition == .unfinished || end.result.outcome == .succeeded },
                skipped: { work in
                    RowEnd(result: RowResult(skipped: work.item, becauseOf: work.key.flatMap { firstUnsuccessful[$0] }), disposition: .new)
                },
                finished: { work, end in
                    if end.disposition != .unfinished, end.result.outcome != .succeeded, let key = work.key,
                        firstUnsuccessful[key] == nil
                    {
                        firstUnsuccessful[key] = work.row
                    }
                    switch end.disposition {
                    case .prior, .unfinished:
                        break
                    case .replay:
                        try outputs.replay(end.result, record: work.item.record)
                        progress.record(end.result.outcome)
                    case .new:
                        try outputs.finish(end.result, record: work.item.record)
                        progress.record(end.result.outcome)
                    }
                },
                backlog: { read - outputs.emittedRows },
                window: { flow.concurrencyTarget },
                shouldStop: { interrupts.current >= .stopping }
            )
        )
    }

    /// The key as the row names its invoice: the Zuora key, or for AppZen the invoice the row also names.
    static func rawKey(for row: CheckedRow) -> String? {
        guard let action = row.action else { return row.key }
        return action.provider == .zuora ? row.key : row.relatedInvoiceKey
    }

    /// The queue a row waits in: its invoice's ID when known (so an invoice named by ID and by number is one
    /// queue), else the key as given; AppZen rows that name no invoice queue by uuid.
    static func queueKey(for row: CheckedRow, resolved: [String: Result<String, ClientError>]) -> String? {
        guard let raw = rawKey(for: row) else { return row.key.map { "appzen:\($0)" } }
        if InvoiceKey.isID(raw) { return raw.lowercased() }
        if case .success(let id)? = resolved[raw] { return id.lowercased() }
        return raw
    }
}
