import InvoiceAPI
import NIOHTTP1

extension InvoiceClient {
    /// Sends `call`'s operation — retried, read back and re-authorised as needed — and says how it ended.
    ///
    /// Never throws: every failure is a `failed` outcome with the provider's code and message, or ours for what
    /// the provider never answered (`timeout`, `connection-error`, `missing-credentials`, …).
    ///
    /// Cancellation (the run aborted): the outcome is `failed` with code `cancelled` only when no attempt can have
    /// changed anything — nothing was sent, or every attempt was answered with a refusal (429, 503, lock
    /// contention), or a read-back showed the unanswered one did not apply — so a resumed run may send the row
    /// again safely. When an attempt may have reached the server unanswered (cancelled in flight, or after a
    /// timeout or dropped connection), the code is `interrupted` instead: the change may or may not be there.
    public func execute(_ call: RowCall) async -> CallOutcome {
        var progress = RowProgress()
        let operation = call.operation
        let provider = operation.action.provider

        var key = operation.key
        if operation.action == .objectUpdate, !InvoiceKey.isID(key) {
            do {
                key = try await resolvedID(number: key, for: call)
            } catch let error as ClientError {
                progress.httpStatus = error.httpStatus
                progress.requestID = error.requestID
                return progress.failed(code: error.code, message: error.message)
            } catch {
                return progress.cancelled()
            }
        }
        let resolved = InvoiceOperation(
            action: operation.action, key: key, query: operation.query, body: operation.body)
        let pathAndQuery = resolved.pathAndQuery
        let body = operation.body.map { JSONWriter.bytes(.object($0)) }
        let method = HTTPMethod(rawValue: operation.method)

        var budgetUsed = 0
        var retries = 0
        var refreshedAfter401 = false
        while true {
            if Task.isCancelled { return progress.cancelled() }
            budgetUsed += 1
            progress.attempts += 1
            let trackID = provider == .zuora ? trackIDs.request(call, attempt: progress.attempts) : nil
            let context = ExchangeContext(
                kind: .rowRequest, row: call.row, sourceRow: call.sourceRow, action: operation.action,
                invoiceKey: operation.key, attempt: progress.attempts
            )
            let result = await sendAttempt(
                provider: provider, method: method, pathAndQuery: pathAndQuery, body: body, context: context,
                trackID: trackID
            )
            var answeredStatus: Int?
            var retryAfter: Duration?
            var unanswered: String?
            switch result {
            case .notSent(let error):
                progress.attempts -= 1
                if error.code == ClientError.cancelledCode { return progress.cancelled() }
                return progress.failed(code: error.code, message: error.message)

            case .answered(let response, let answer, let token):
                progress.trackID = trackID
                progress.record(answer)
                if response.status == 429 { progress.tooManyRequests += 1 }
                if response.status == 401, case .tokens(let tokens) = zuoraAuth, let token, !refreshedAfter401 {
                    // The token died before we expected (revoked, clock skew): one refresh, shared by every row
                    // that saw the same token, and the attempt again without waiting or using up the budget.
                    refreshedAfter401 = true
                    budgetUsed -= 1
                    await tokens.invalidate(token)
                    continue
                }
                switch answer.verdict {
                case .succeeded:
                    return progress.succeeded()
                case .failed(let code, let message, let transient):
                    progress.lastFailure = (
                        code, redact(authHint(message, status: response.status, provider: provider))
                    )
                    guard transient else { return progress.failed() }
                    answeredStatus = response.status
                    retryAfter = self.retryAfter(response)
                    // A 500, 502 or 504 may come from a gateway after the tenant applied the change.
                    if [500, 502, 504].contains(response.status) { unanswered = "HTTP \(response.status)" }
                }

            case .unanswered(let failure):
                progress.trackID = trackID
                if failure.cancelled {
                    progress.mayHaveApplied = true
                    return progress.cancelled()
                }
                progress.lastFailure = (failure.code, redact(failure.message))
                if failure.mayHaveReachedServer {
                    unanswered = failure.code == TransportFailure.timeoutCode ? "a timeout" : "a dropped connection"
                }
            }

            if let unanswered {
                progress.mayHaveApplied = true
                if operation.isAmbiguousOnRetry {
                    switch await readBack(call, key: key, after: unanswered) {
                    case .applied(let finding):
                        progress.readBacks.append(finding)
                        progress.mayHaveApplied = false
                        return progress.succeeded()
                    case .notApplied(let finding):
                        progress.readBacks.append(finding)
                        progress.mayHaveApplied = false
                    case .unknown(let finding):
                        progress.readBacks.append(finding)
                        return progress.failed()
                    case .cancelled:
                        return progress.cancelled()
                    }
                }
            }

            guard budgetUsed < retry.maxAttempts else { return progress.failed() }
            do {
                try await Task.sleep(for: retry.delay(retry: retries, status: answeredStatus, retryAfter: retryAfter))
            } catch {
                return progress.cancelled()
            }
            retries += 1
        }
    }

    /// A 401 message with what to do about it.
    private func authHint(_ message: String, status: Int, provider: InvoiceAction.Provider) -> String {
        guard status == 401, provider == .zuora else { return message }
        switch zuoraAuth {
        case .fixed:
            return message
                + " (the token in \(ClientCredentials.Variable.zuoraBearerToken) was refused; it may have expired)"
        default: return message + " (refused again after a token refresh)"
        }
    }
}
