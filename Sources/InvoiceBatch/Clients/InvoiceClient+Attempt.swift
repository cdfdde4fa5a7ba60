import InvoiceAPI
import NIOHTTP1

extension InvoiceClient {
    /// What became of one attempt.
    enum AttemptResult: Sendable {
        /// An answer came; `token` is the bearer token it was sent with (to invalidate after a 401).
        case answered(HTTPTransport.Response, ProviderAnswer, token: String?)
        /// No answer came.
        case unanswered(TransportFailure)
        /// Nothing was sent: no credentials, no token, or cancelled before sending (code `cancelled`).
        case notSent(ClientError)
    }

    /// One attempt: the authorisation, the pacer's permission, the headers, the exchange, and the answer read.
    func sendAttempt(
        provider: InvoiceAction.Provider, method: HTTPMethod, pathAndQuery: String, body: [UInt8]?,
        context: ExchangeContext, trackID: String?
    ) async -> AttemptResult {
        var headers: [(name: String, value: String)] = []
        var token: String?
        let baseURL: String
        switch provider {
        case .zuora:
            baseURL = zuoraBaseURL
            switch zuoraAuth {
            case .tokens(let tokens):
                do {
                    token = try await tokens.token()
                } catch let error as ClientError {
                    return .notSent(error)
                } catch {
                    return .notSent(.cancelled)
                }
            case .fixed(let fixed):
                token = fixed
            case .missing:
                return .notSent(
                    ClientError(
                        code: Self.missingCredentialsCode,
                        message: "no Zuora credentials: set \(Variable.zuoraClientID) and "
                            + "\(Variable.zuoraClientSecret) (or \(Variable.zuoraBearerToken))"
                    )
                )
            }
        case .appzen:
            baseURL = appZenBaseURL
            guard let appZen = credentials.appZen else {
                return .notSent(
                    ClientError(
                        code: Self.missingCredentialsCode,
                        message: "no AppZen credentials: set \(Variable.appZenAPIKey), "
                            + "\(Variable.appZenCustomerID) and \(Variable.appZenCustomerKey)"
                    )
                )
            }
            headers += [
                (name: HeaderName.appZenAPIKey, value: appZen.apiKey),
                (name: HeaderName.appZenCustomerID, value: appZen.customerID),
                (name: HeaderName.appZenCustomerKey, value: appZen.customerKey),
            ]
        }
        headers.append((name: "Accept", value: "application/json"))
        if body != nil { headers.append((name: "Content-Type", value: "application/json")) }
        if provider == .zuora {
            if let trackID { headers.append((name: HeaderName.zuoraTrackID, value: trackID)) }
            if let entityIDs = configuration.entityIDs {
                headers.append((name: HeaderName.zuoraEntityIDs, value: entityIDs))
            }
            if let orgIDs = configuration.orgIDs { headers.append((name: HeaderName.zuoraOrgIDs, value: orgIDs)) }
            if let version = configuration.zuoraVersion {
                headers.append((name: HeaderName.zuoraVersion, value: version))
            }
        }

        do {
            try await pacer.acquire()
        } catch {
            return .notSent(.cancelled)
        }
        if provider == .zuora {
            // Asked again after the pacer: a request that waited out a 429 pause must not leave with a token that
            // expired while it waited (a cached, still-fresh token comes straight back).
            if case .tokens(let tokens) = zuoraAuth {
                do { token = try await tokens.token() } catch let error as ClientError { return .notSent(error) } catch {
                    return .notSent(.cancelled)
                }
            }
            headers.insert((name: "Authorization", value: "Bearer \(token ?? "")"), at: 0)
        }
        let secrets = token.map { secretValues + [$0] } ?? secretValues
        let result = await transport.send(
            HTTPTransport.Request(
                method: method, baseURL: baseURL, pathAndQuery: pathAndQuery, headers: headers, body: body,
                compressible: true, context: context, secrets: secrets
            )
        )
        switch result {
        case .success(let response):
            recordPacing(response)
            let answer = ProviderAnswer(
                status: response.status, requestIDHeader: response.header(HeaderName.zuoraRequestID),
                body: response.body, provider: provider
            )
            return .answered(response, answer, token: token)
        case .failure(let failure):
            return .unanswered(failure)
        }
    }

    static let missingCredentialsCode = "missing-credentials"

    private typealias Variable = ClientCredentials.Variable

    /// Tells the pacer what an answer says about the provider's limits.
    func recordPacing(_ response: HTTPTransport.Response) {
        let concurrency = response.header(HeaderName.concurrencyLimitRemaining).flatMap(Self.leadingInteger)
        let rate = response.header(HeaderName.rateLimitRemaining).flatMap(Self.leadingInteger)
        let reset = response.header(HeaderName.rateLimitReset).flatMap(Self.leadingInteger).map { Duration.seconds($0) }
        if concurrency != nil || rate != nil || reset != nil {
            pacer.record(.remaining(concurrency: concurrency, rate: rate, resetIn: reset))
        }
        if response.status == 429 {
            pacer.record(.tooManyRequests(retryAfter: retryAfter(response)))
        }
    }

    /// The wait an answer asks for: `Retry-After` (seconds or HTTP-date), or on a 429 without it `ratelimit-reset`.
    func retryAfter(_ response: HTTPTransport.Response) -> Duration? {
        if let value = response.header(HeaderName.retryAfter),
            let wait = RetryAfter.parse(value, now: WallClock.secondsSince1970)
        {
            return wait
        }
        guard response.status == 429 else { return nil }
        return response.header(HeaderName.rateLimitReset).flatMap(Self.leadingInteger).map { Duration.seconds($0) }
    }

    /// The integer a header value starts with (`ratelimit-remaining` may carry parameters after it).
    static func leadingInteger(_ value: String) -> Int? {
        let digits = value.trimmingSpaces().prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty || digits.count > 18 ? nil : Int(digits)
    }
}
