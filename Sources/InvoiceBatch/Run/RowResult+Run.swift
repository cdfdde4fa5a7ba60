import InvoiceAPI

extension RowResult {
    /// The result of a row that was sent: the provider's outcome in its own words.
    init(_ row: CheckedRow, outcome: CallOutcome) {
        var message = outcome.errorMessage
        if let readBack = outcome.readBack {
            message = message.map { "\($0) (\(readBack))" } ?? readBack
        }
        self.init(
            row: row.row, sourceRow: row.sourceRow, line: row.line, rowID: row.rowID, action: row.action?.rawValue,
            invoiceKey: row.key, outcome: outcome.status == .succeeded ? .succeeded : .failed,
            httpStatus: outcome.httpStatus, errorCode: outcome.errorCode, errorMessage: message,
            attempts: outcome.attempts, durationMs: Self.milliseconds(outcome.duration), requestID: outcome.requestID,
            trackID: outcome.trackID, processID: outcome.processID, finishedAt: UTCTimestamp.now(),
            tooManyRequests: outcome.tooManyRequests
        )
    }

    /// The result of a row that broke an offline rule: never sent; the first rule is the code, every error the
    /// message.
    init(invalid row: CheckedRow) {
        let errors = row.errors
        let message = errors.map { error in
            (error.column.map { "column '\($0)': " } ?? "") + "\(error.message) [\(error.rule)]"
        }.joined(separator: "; ")
        self.init(
            row: row.row, sourceRow: row.sourceRow, line: row.line, rowID: row.rowID,
            action: row.action?.rawValue, invoiceKey: row.key, outcome: .invalid,
            errorCode: errors.first?.rule.rawValue ?? "invalid",
            errorMessage: message.isEmpty ? "the row cannot be sent" : message, finishedAt: UTCTimestamp.now()
        )
    }

    /// The result of a row not sent because an earlier row of its invoice did not succeed.
    init(skipped row: CheckedRow, becauseOf earlier: Int?) {
        let reason = earlier.map { "row \($0)" } ?? "an earlier row"
        self.init(
            row: row.row, sourceRow: row.sourceRow, line: row.line, rowID: row.rowID, action: row.action?.rawValue,
            invoiceKey: row.key, outcome: .skipped, errorCode: "skipped",
            errorMessage: "not sent: \(reason) of the same invoice did not succeed (--on-failure continue runs it anyway)",
            finishedAt: UTCTimestamp.now()
        )
    }

    /// The result of a row whose invoice number could not be resolved to an ID.
    init(unresolved row: CheckedRow, error: ClientError) {
        self.init(
            row: row.row, sourceRow: row.sourceRow, line: row.line, rowID: row.rowID, action: row.action?.rawValue,
            invoiceKey: row.key, outcome: .failed, httpStatus: error.httpStatus, errorCode: error.code,
            errorMessage: error.message, requestID: error.requestID, finishedAt: UTCTimestamp.now()
        )
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds) * 1_000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
