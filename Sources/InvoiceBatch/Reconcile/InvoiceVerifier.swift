import InvoiceAPI

/// `reconcile --verify`: reads every invoice a succeeded row changed (`GET /v1/invoices/{key}`, once per key, through
/// the run's client: retries, 401 refresh, the shared pacer, at most `concurrency` in flight) and compares, per
/// invoice, the *last* value requested for each field with what the tenant holds.
///
/// "Last" is the order the changes were made in: runs in the order given, and within a run the rows of one invoice
/// in file order (which is how `run` sends them). The answers are grouped by the invoice's `id`, so an invoice named
/// by number in one row and by ID in another is one invoice. A row is compared on the fields it was the last to set;
/// a field a later row set again is that row's to check.
struct InvoiceVerifier {
    let client: InvoiceClient
    let flow: FlowControl
    let concurrency: Int

    /// What a verification did, for the summary.
    struct Summary: Sendable {
        var invoicesRead = 0
        var readFailures = 0
        var uncheckedRows = 0
    }

    /// Compares and fills in `verified` and the detail of every row of `output`.
    func verify(_ output: inout Reconciler.Output) async -> Summary {
        var keys: [String] = []
        var seen: Set<String> = []
        for (position, row) in output.rows.enumerated() where row.outcome == .succeeded {
            guard let request = output.requests[position], request.operation.action.provider == .zuora else { continue }
            if seen.insert(request.operation.key).inserted { keys.append(request.operation.key) }
        }
        let answers = await fetch(keys)
        var summary = Summary()
        for answer in answers.values {
            if case .success = answer { summary.invoicesRead += 1 } else { summary.readFailures += 1 }
        }

        // Rows by invoice, in the order their changes were made.
        var invoices: [String: [Int]] = [:]
        for (position, row) in output.rows.enumerated() where row.outcome == .succeeded {
            guard let request = output.requests[position] else {
                let reason = output.unknownRequests[position] ?? "its request is unknown"
                note(&output.rows[position], .notChecked, "not checked: \(reason)")
                summary.uncheckedRows += 1
                output.rows[position].verificationFailed = true
                continue
            }
            let operation = request.operation
            if operation.action == .appzenSync {
                note(&output.rows[position], .unverifiable, "unverifiable: \(FieldExpectation.appZen)")
                continue
            }
            switch answers[operation.key] {
            case .success(let invoice)?:
                let id = invoice["id"]?.stringValue?.lowercased() ?? operation.key
                invoices[id, default: []].append(position)
            case .failure(let reason)?:
                note(&output.rows[position], .notChecked, "not checked: \(reason)")
                summary.uncheckedRows += 1
                output.rows[position].verificationFailed = true
            case nil:
                note(&output.rows[position], .notChecked, "not checked: the invoice was not read")
                summary.uncheckedRows += 1
                output.rows[position].verificationFailed = true
            }
        }
        for positions in invoices.values {
            let ordered = positions.sorted { a, b in
                let x = output.requests[a]!, y = output.requests[b]!
                return (x.run, x.runRow) < (y.run, y.runRow)
            }
            var lastSetter: [String: Int] = [:]
            for position in ordered {
                for expectation in FieldExpectation.of(output.requests[position]!.operation) {
                    lastSetter[expectation.field] = position
                }
            }
            for position in ordered {
                let request = output.requests[position]!
                guard case .success(let invoice)? = answers[request.operation.key] else { continue }
                compare(&output.rows[position], request: request, invoice: invoice, lastSetter: lastSetter,
                        rows: output.rows)
            }
        }
        return summary
    }

    private func compare(
        _ row: inout ReconciledRow, request: Reconciler.FinalRequest, invoice: JSONObject, lastSetter: [String: Int],
        rows: [ReconciledRow]
    ) {
        var matched: [String] = []
        var mismatches: [FieldMismatch] = []
        var unverifiable: [String] = []
        var supersededBy: Set<Int> = []
        for expectation in FieldExpectation.of(request.operation) {
            if let last = lastSetter[expectation.field], rows[last].row != row.row {
                supersededBy.insert(rows[last].row)
                continue
            }
            if case .unverifiable(let reason) = expectation.check {
                unverifiable.append(reason)
            } else if let mismatch = expectation.compare(with: invoice) {
                mismatches.append(mismatch)
            } else {
                matched.append(expectation.field)
            }
        }
        var parts: [String] = []
        let verdict: ReconciledRow.Verification
        if !mismatches.isEmpty {
            verdict = .mismatch
            parts.append("mismatch: " + mismatches.map(\.text).joined(separator: "; "))
        } else if !matched.isEmpty {
            verdict = .match
            parts.append("verified " + matched.joined(separator: ", "))
        } else if !unverifiable.isEmpty {
            verdict = .unverifiable
        } else {
            verdict = .notChecked
            let later = supersededBy.sorted().map(String.init).joined(separator: ", ")
            parts.append("not checked: every field it set was set again later (source row \(later))")
        }
        if !unverifiable.isEmpty { parts.append("unverifiable: " + Array(Set(unverifiable)).sorted().joined(separator: "; ")) }
        if let note = request.note { parts.append(note) }
        row.mismatches = mismatches
        note(&row, verdict, parts.joined(separator: "; "))
    }

    private func note(_ row: inout ReconciledRow, _ verdict: ReconciledRow.Verification, _ text: String) {
        row.verified = verdict
        guard !text.isEmpty else { return }
        row.detail = row.detail.isEmpty ? text : row.detail + "; " + text
    }

    /// `GET /v1/invoices/{key}` for each key, at most `concurrency` at a time (and as the pacer allows).
    private func fetch(_ keys: [String]) async -> [String: Result<JSONObject, FetchFailure>] {
        var answers: [String: Result<JSONObject, FetchFailure>] = [:]
        await withTaskGroup(of: (String, Result<JSONObject, FetchFailure>).self) { group in
            var pending = keys[...]
            var inFlight = 0
            while true {
                while inFlight < max(1, min(concurrency, flow.concurrencyTarget)), let key = pending.popFirst() {
                    inFlight += 1
                    group.addTask { [client] in
                        do {
                            let invoice = try await client.fetchInvoice(key: key, kind: .verification, for: nil)
                            return (key, .success(invoice.json))
                        } catch let error as ClientError {
                            let status = error.httpStatus.map { "HTTP \($0), " } ?? ""
                            return (key, .failure(FetchFailure("GET \(APIPath.invoice(key)) failed (\(status)\(error.code): \(error.message))")))
                        } catch {
                            return (key, .failure(FetchFailure("GET \(APIPath.invoice(key)) was cancelled")))
                        }
                    }
                }
                guard let (key, answer) = await group.next() else { break }
                inFlight -= 1
                answers[key] = answer
            }
        }
        return answers
    }
}

/// Why an invoice could not be read back.
struct FetchFailure: Error, Sendable, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
