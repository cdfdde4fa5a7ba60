import InvoiceAPI
import Testing

@testable import InvoiceBatch

/// The join's rules, without files: which result decides, how runs are counted, what is missing, what conflicts.
@Suite struct ReconcilerTests {
    static func operation(_ key: String, dueDate: String) -> InvoiceOperation {
        var body = JSONObject()
        body["dueDate"] = .string(dueDate)
        return InvoiceOperation(action: .update, key: key, query: [], body: body)
    }

    static let input = (1...4).map { row in
        InputRow(
            sourceRow: row, line: row + 1, rowID: "R-\(row)", action: "update", key: "INV-0000000\(row)",
            operation: operation("INV-0000000\(row)", dueDate: "2026-07-0\(row)"))
    }

    static func line(
        _ sourceRow: Int, _ outcome: RowResult.Outcome, row: Int? = nil, rowID: String? = nil, code: String? = nil,
        fileLine: Int? = nil
    ) -> ResultLine {
        ResultLine(
            result: RowResult(
                row: row ?? sourceRow, sourceRow: sourceRow, line: sourceRow + 1, rowID: rowID ?? "R-\(sourceRow)",
                action: "update", invoiceKey: "INV-0000000\(sourceRow)", outcome: outcome,
                errorCode: code, attempts: 1, durationMs: 20, finishedAt: "2026-11-21T20:00:00.000Z"),
            fileLine: fileLine ?? sourceRow + 1)
    }

    /// Requests as each run's input built them: run `index` asked `dueDates[index][sourceRow]`, else the input's.
    static func requests(_ overrides: [Int: [Int: String]] = [:]) -> (Int, Set<Int>) -> RunRequests {
        { run, rows in
            var requests = RunRequests()
            for row in rows {
                let date = overrides[run]?[row] ?? "2026-07-0\(row)"
                requests.setForTesting(row: row, sourceRow: row, operation: operation("INV-0000000\(row)", dueDate: date))
            }
            return requests
        }
    }

    @Test func lastSuccessDecidesAndRunsAreCounted() {
        let reconciler = Reconciler(
            input: Self.input,
            runs: [
                .init(file: "g0/results.csv", lines: [
                    Self.line(1, .succeeded), Self.line(2, .failed, code: "59101061"), Self.line(3, .skipped),
                    Self.line(4, .succeeded),
                ]),
                .init(file: "g1/results.csv", lines: [Self.line(2, .succeeded, row: 1), Self.line(3, .failed, row: 2)]),
                .init(file: "g2/results.csv", lines: [Self.line(2, .failed, row: 1, code: "50000040")]),
            ])
        let output = reconciler.reconcile(requests: Self.requests())
        #expect(output.rows.map(\.outcome) == [.succeeded, .succeeded, .failed, .succeeded])
        #expect(output.rows.map(\.runs) == [1, 3, 2, 1])
        #expect(output.conflicts.isEmpty)
        #expect(output.rows[1].detail.hasPrefix("succeeded in run 2"), "a later failure never undoes a success")
        #expect(output.rows[2].detail.hasPrefix("failed in run 2"))
        #expect(output.requests[1]?.run == 1)
    }

    @Test func rowsWithoutAResultAreMissing() {
        let reconciler = Reconciler(
            input: Self.input, runs: [.init(file: "r.csv", lines: [Self.line(1, .succeeded), Self.line(4, .succeeded)])])
        let output = reconciler.reconcile(requests: Self.requests())
        #expect(output.rows.map(\.outcome) == [.succeeded, .missing, .missing, .succeeded])
        #expect(output.rows[1].runs == 0)
    }

    @Test func duplicateForeignAndOtherRowIDsConflict() {
        let reconciler = Reconciler(
            input: Self.input,
            runs: [
                .init(file: "r.csv", lines: [
                    Self.line(1, .succeeded), Self.line(2, .succeeded), Self.line(2, .succeeded, fileLine: 9),
                    Self.line(3, .succeeded, rowID: "OTHER"), Self.line(4, .succeeded), Self.line(7, .succeeded),
                ])
            ])
        let output = reconciler.reconcile(requests: Self.requests())
        #expect(output.rows.map(\.outcome) == [.succeeded, .conflict, .conflict, .succeeded])
        #expect(output.conflicts.map(\.kind) == [.duplicate, .foreign, .foreign])
        #expect(output.conflicts.map(\.sourceRow) == [2, 3, 7])
    }

    @Test func successesWithDifferentRequestsConflictAndSameRequestsDoNot() {
        let reconciler = Reconciler(
            input: Self.input,
            runs: [
                .init(file: "g0.csv", lines: (1...4).map { Self.line($0, .succeeded) }),
                .init(file: "g1.csv", lines: [Self.line(1, .succeeded, row: 1), Self.line(2, .succeeded, row: 2)]),
            ])
        let output = reconciler.reconcile(requests: Self.requests([1: [2: "2026-12-31"]]))
        #expect(output.rows.map(\.outcome) == [.succeeded, .conflict, .succeeded, .succeeded])
        #expect(output.conflicts.map(\.kind) == [.differentRequests])
        #expect(output.conflicts.first?.message.contains("2026-12-31") == true)
    }

    @Test func successesWhoseRequestsCannotBeRebuiltConflict() {
        let reconciler = Reconciler(
            input: Self.input,
            runs: [
                .init(file: "g0.csv", lines: [Self.line(1, .succeeded)]),
                .init(file: "g1.csv", lines: [Self.line(1, .succeeded)]),
            ])
        let output = reconciler.reconcile { _, _ in .unavailable("no run.json beside g1.csv") }
        #expect(output.rows[0].outcome == .conflict)
        #expect(output.conflicts.map(\.kind) == [.uncomparable])
    }
}
