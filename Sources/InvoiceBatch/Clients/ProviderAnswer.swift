import InvoiceAPI

/// What one answer of Zuora or AppZen means for the row: success, or a failure with the provider's own code and
/// message and whether sending the same request again may succeed.
///
/// HTTP 200 is not success: Zuora answers business failures with 200 and `success: false` (REST) or
/// `Success: false` (CRUD), so the verdict comes from the body. Every body shape the pages show is read
/// wherever it turns up — REST `reasons`, CRUD `Errors`, AppZen's `Error code : <hex> - …` message, the bare
/// `{"message": …}` of a 401 or a `rejectUnknownFields` 400, an OAuth error — so a gateway that answers in
/// another API's shape still yields the provider's code.
struct ProviderAnswer: Sendable {
    enum Verdict: Sendable, Hashable {
        case succeeded
        /// `code` is the provider's (`reasons[0].code`, `Errors[0].Code`, AppZen's hex) or ours
        /// (`http-<status>` when the body has none, `unreadable-response`); `message` keeps every reason.
        case failed(code: String, message: String, transient: Bool)
    }

    /// A 2xx whose body cannot be read as an outcome.
    static let unreadableCode = "unreadable-response"
    /// A 2xx with `success: false` that gives no code.
    static let unsuccessfulCode = "unsuccessful"
    /// Statuses that say "not now": retried whatever the body says.
    static let transientStatuses: Set<Int> = [429, 500, 502, 503, 504]

    var status: Int
    var verdict: Verdict
    /// `Zuora-Request-Id`, or the body's `requestId`.
    var requestID: String?
    /// The body's `processId`.
    var processID: String?
    /// The body, when it is JSON.
    var json: JSONValue?

    init(status: Int, requestIDHeader: String?, body: [UInt8], provider: InvoiceAction.Provider) {
        self.status = status
        let isBlank = body.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let json = isBlank ? nil : try? JSONParser().parse(body)
        self.json = json
        let object = json?.objectValue
        self.requestID = requestIDHeader ?? object?["requestId"]?.stringValue
        self.processID = object?["processId"]?.stringValue
        let failures = object.map { Self.failures(in: $0, provider: provider) } ?? []
        let success = object?["success"]?.boolValue ?? object?["Success"]?.boolValue

        guard (200..<300).contains(status) else {
            let transient =
                Self.transientStatuses.contains(status)
                || (!failures.isEmpty && failures.allSatisfy { $0.isTransient(provider: provider) })
            let message =
                failures.isEmpty ? Self.describe(status: status, body: body, isBlank: isBlank) : Self.join(failures)
            verdict = .failed(code: failures.first?.code ?? "http-\(status)", message: message, transient: transient)
            return
        }
        switch (provider, success) {
        case (_, true?):
            verdict = .succeeded
        case (_, false?):
            verdict =
                failures.isEmpty
                ? .failed(
                    code: Self.unsuccessfulCode, message: "HTTP \(status) with success false and no reasons",
                    transient: false)
                : .failed(
                    code: failures[0].code ?? Self.unsuccessfulCode, message: Self.join(failures),
                    transient: failures.allSatisfy { $0.isTransient(provider: provider) }
                )
        case (.appzen, nil) where isBlank:
            // The status-sync page: "Status Code: 200 [with empty response]".
            verdict = .succeeded
        case (.appzen, nil) where json != nil:
            verdict =
                failures.first.map {
                    .failed(code: $0.code ?? "http-\(status)", message: Self.join(failures), transient: false)
                } ?? .succeeded
        case (.zuora, nil) where object != nil:
            verdict = .failed(
                code: Self.unreadableCode, message: "HTTP \(status) without a success member: the outcome is unknown",
                transient: false
            )
        default:
            verdict = .failed(
                code: Self.unreadableCode, message: Self.describe(status: status, body: body, isBlank: isBlank),
                transient: false
            )
        }
    }

    /// The failure's code and message (for a success, `http-<status>` and an empty message).
    var codeAndMessage: (code: String, message: String) {
        switch verdict {
        case .succeeded: ("http-\(status)", "")
        case .failed(let code, let message, _): (code, message)
        }
    }

    /// Whether sending the same request again may succeed.
    var isTransient: Bool {
        if case .failed(_, _, let transient) = verdict { return transient }
        return false
    }

    /// One `{code, message}` of a failure, in whichever shape it came.
    struct Failure: Sendable, Hashable {
        var code: String?
        var message: String

        func isTransient(provider: InvoiceAction.Provider) -> Bool {
            guard provider == .zuora, let code else { return false }
            return ZuoraErrorCode(code)?.category.isTransient == true
                || ZuoraErrorCode.transientCRUDCodes.contains(code)
        }
    }

    /// The failures a body reports: REST `reasons`, CRUD `Errors`, an AppZen or proxy `message`, an OAuth `error`.
    static func failures(in object: JSONObject, provider: InvoiceAction.Provider) -> [Failure] {
        if let reasons = object["reasons"]?.arrayValue, !reasons.isEmpty {
            return reasons.map {
                Failure(code: text($0.objectValue?["code"]), message: text($0.objectValue?["message"]) ?? "")
            }
        }
        if let errors = object["Errors"]?.arrayValue, !errors.isEmpty {
            return errors.map {
                Failure(code: text($0.objectValue?["Code"]), message: text($0.objectValue?["Message"]) ?? "")
            }
        }
        if let message = object["message"]?.stringValue {
            let appZenCode = AppZenErrorResponse(timestamp: "", status: 0, error: "", message: message).errorCode
            return [Failure(code: appZenCode, message: message)]
        }
        if let error = object["error"]?.stringValue {
            return [Failure(code: error, message: object["error_description"]?.stringValue ?? error)]
        }
        return []
    }

    /// `code: message; code: message` (a failure without a code is its message alone).
    static func join(_ failures: [Failure]) -> String {
        failures.map { failure in
            guard let code = failure.code, !failure.message.hasPrefix("Error code : \(code)") else {
                return failure.message
            }
            return failure.message.isEmpty ? code : "\(code): \(failure.message)"
        }.joined(separator: "; ")
    }

    /// A string or a number's text.
    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: text
        case .number(let text)?: text
        default: nil
        }
    }

    /// `HTTP 502: <start of the body>` for an answer without a readable failure.
    static func describe(status: Int, body: [UInt8], isBlank: Bool) -> String {
        guard !isBlank else { return "HTTP \(status) with an empty body" }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        let printable = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        let kind = (try? JSONParser().parse(body)) == nil ? "a body that is not JSON" : "an unexpected JSON body"
        return "HTTP \(status) with \(kind): \(printable)\(body.count > 200 ? "…" : "")"
    }
}
