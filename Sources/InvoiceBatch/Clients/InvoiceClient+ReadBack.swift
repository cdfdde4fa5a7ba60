import InvoiceAPI
import NIOHTTP1

extension InvoiceClient {
    /// What reading an invoice back after an unanswered attempt showed.
    enum ReadBackFinding: Sendable {
        /// The change is there: the row succeeded.
        case applied(String)
        /// The change is not there: sending again is safe.
        case notApplied(String)
        /// The invoice could not be read: not sent again, so the change cannot land twice.
        case unknown(String)
        case cancelled
    }

    /// An invoice as `GET /v1/invoices/{key}` answered it.
    struct FetchedInvoice: Sendable {
        var json: JSONObject
        var status: Int
        var requestID: String?
    }

    /// Reads the invoice `call` changes (`key` is the ID when the row named a number) and checks whether the
    /// non-repeatable change it asks for — an e-invoice cancellation, a `Status` — is already there.
    func readBack(_ call: RowCall, key: String, after cause: String) async -> ReadBackFinding {
        let invoice: FetchedInvoice
        do {
            invoice = try await fetchInvoice(key: key, kind: .readBack, for: call)
        } catch let error as ClientError {
            return .unknown(
                "read back after \(cause) failed (\(error.code): \(error.message)); "
                    + "not sent again, so the change cannot apply twice"
            )
        } catch {
            return .cancelled
        }
        switch call.operation.action {
        case .einvoiceCancel:
            let found = invoice.json["einvoiceStatus"]?.stringValue
            if let found, EInvoiceStatus(lenient: found) == .canceled {
                return .applied("read back after \(cause): einvoiceStatus \(found)")
            }
            return .notApplied("read back after \(cause): einvoiceStatus \(found ?? "absent"), so sent again")
        case .objectUpdate:
            guard let wanted = call.operation.body?["Status"]?.stringValue else {
                return .unknown("read back after \(cause): the row sets no Status to compare; not sent again")
            }
            let found = invoice.json["status"]?.stringValue ?? invoice.json["Status"]?.stringValue
            if let found, found.lowercased() == wanted.lowercased() {
                return .applied("read back after \(cause): status \(found)")
            }
            return .notApplied("read back after \(cause): status \(found ?? "absent"), not \(wanted), so sent again")
        default:
            return .unknown("read back after \(cause): nothing to compare for \(call.operation.action.rawValue)")
        }
    }

    /// `GET /v1/invoices/{key}`, retried like any safe request (429, 5xx, transient business codes, transport
    /// errors) and re-authorised once after a 401.
    /// - Throws: `ClientError` with the provider's code (an unknown invoice is Zuora's `…40`), or
    ///   `CancellationError`.
    func fetchInvoice(key: String, kind: HTTPExchange.Kind, for call: RowCall?) async throws -> FetchedInvoice {
        var attempt = 0
        var budgetUsed = 0
        var refreshedAfter401 = false
        while true {
            attempt += 1
            budgetUsed += 1
            let context = ExchangeContext(
                kind: kind, row: call?.row, sourceRow: call?.sourceRow, action: call?.operation.action,
                invoiceKey: call?.operation.key ?? key, attempt: attempt
            )
            let result = await sendAttempt(
                provider: .zuora, method: .GET, pathAndQuery: APIPath.invoice(key), body: nil, context: context,
                trackID: trackIDs.auxiliary(call, kind: kind, attempt: attempt)
            )
            let failure: ClientError
            var answeredStatus: Int?
            var retryAfter: Duration?
            switch result {
            case .notSent(let error):
                if error.code == ClientError.cancelledCode { throw CancellationError() }
                throw error
            case .answered(let response, let answer, let token):
                if response.status == 401, case .tokens(let tokens) = zuoraAuth, let token, !refreshedAfter401 {
                    refreshedAfter401 = true
                    budgetUsed -= 1
                    await tokens.invalidate(token)
                    continue
                }
                switch answer.verdict {
                case .succeeded:
                    guard let object = answer.json?.objectValue else {
                        throw ClientError(
                            code: ProviderAnswer.unreadableCode,
                            message: "GET \(APIPath.invoice(key)) answered without a JSON object",
                            httpStatus: response.status, requestID: answer.requestID
                        )
                    }
                    return FetchedInvoice(json: object, status: response.status, requestID: answer.requestID)
                case .failed(let code, let message, let transient):
                    failure = ClientError(
                        code: code, message: redact(message), httpStatus: response.status, requestID: answer.requestID)
                    guard transient else { throw failure }
                    answeredStatus = response.status
                    retryAfter = self.retryAfter(response)
                }
            case .unanswered(let transportFailure):
                if transportFailure.cancelled { throw CancellationError() }
                failure = ClientError(code: transportFailure.code, message: redact(transportFailure.message))
            }
            guard budgetUsed < retry.maxAttempts else { throw failure }
            try await Task.sleep(
                for: retry.delay(retry: budgetUsed - 1, status: answeredStatus, retryAfter: retryAfter))
        }
    }
}
