import InvoiceAPI
import NIOHTTP1

extension ZuoraTokenProvider {
    /// Why a refresh produced no token, and whether asking again could help.
    struct FetchFailure: Error, Sendable {
        var error: ClientError
        /// The endpoint refused the credentials themselves (a 4xx): asking again cannot help.
        var permanent: Bool
    }

    /// A token's refresh margin: `min(20 % of its lifetime, 60 s)`.
    static func refreshMargin(lifetime: Duration) -> Duration {
        min(lifetime * 0.2, .seconds(60))
    }

    /// One refresh: `POST /oauth/token`, retried with backoff on 429, 5xx and transport errors (asking for a
    /// token is safe to repeat). Returns the token or the failure, and how many requests it took.
    nonisolated func fetch() async -> (Result<Token, FetchFailure>, Int) {
        var attempt = 0
        while true {
            attempt += 1
            let started = ContinuousClock.now
            let result = await transport.send(request(attempt: attempt))
            let last: ClientError
            var status: Int?
            var retryAfter: Duration?
            switch result {
            case .success(let response):
                status = response.status
                if (200..<300).contains(response.status) {
                    guard let token = Self.token(in: response.body, requestedAt: started) else {
                        let error = ClientError(
                            code: ProviderAnswer.unreadableCode,
                            message: "the Zuora token endpoint answered HTTP \(response.status) "
                                + "without access_token and expires_in",
                            httpStatus: response.status
                        )
                        return (.failure(FetchFailure(error: error, permanent: false)), attempt)
                    }
                    return (.success(token), attempt)
                }
                let answer = ProviderAnswer(
                    status: response.status, requestIDHeader: nil, body: response.body, provider: .zuora)
                let (code, message) = answer.codeAndMessage
                let detail = ClientCredentials.redact("HTTP \(response.status) \(message)", secrets: secrets)
                guard Self.isTransient(status: response.status) else {
                    let error = ClientError(
                        code: code,
                        message: "Zuora refused the client credentials at POST \(APIPath.oauthToken) (\(detail)); "
                            + "check \(Variable.zuoraClientID) and \(Variable.zuoraClientSecret)",
                        httpStatus: response.status
                    )
                    return (.failure(FetchFailure(error: error, permanent: true)), attempt)
                }
                last = ClientError(
                    code: code, message: "could not get a Zuora token (\(detail))", httpStatus: response.status)
                retryAfter = response.header(HeaderName.retryAfter).flatMap {
                    RetryAfter.parse($0, now: WallClock.secondsSince1970)
                }
            case .failure(let failure):
                if failure.cancelled { return (.failure(FetchFailure(error: .cancelled, permanent: false)), attempt) }
                last = ClientError(
                    code: failure.code,
                    message: "could not get a Zuora token: "
                        + ClientCredentials.redact(failure.message, secrets: secrets)
                )
            }
            guard attempt < retry.maxAttempts else {
                return (.failure(FetchFailure(error: last, permanent: false)), attempt)
            }
            do {
                try await Task.sleep(for: retry.delay(retry: attempt - 1, status: status, retryAfter: retryAfter))
            } catch {
                return (.failure(FetchFailure(error: .cancelled, permanent: false)), attempt)
            }
        }
    }

    private typealias Variable = ClientCredentials.Variable

    /// 408, 429 and 5xx are worth asking again; any other 4xx is about the credentials.
    static func isTransient(status: Int) -> Bool {
        status == 408 || status == 429 || status >= 500
    }

    nonisolated func request(attempt: Int) -> HTTPTransport.Request {
        let form = [("client_id", clientID), ("client_secret", clientSecret), ("grant_type", "client_credentials")]
            .map { "\($0.0)=\(APIPath.encodeSegment($0.1))" }
            .joined(separator: "&")
        return HTTPTransport.Request(
            method: .POST, baseURL: baseURL, pathAndQuery: APIPath.oauthToken,
            headers: [
                (name: "Content-Type", value: "application/x-www-form-urlencoded"),
                (name: "Accept", value: "application/json"),
            ],
            body: Array(form.utf8), compressible: false,
            context: ExchangeContext(kind: .token, attempt: attempt), secrets: secrets
        )
    }

    /// The token of a `POST /oauth/token` answer, timed from when it was requested (so clock skew and
    /// latency make us refresh early, never late).
    static func token(in body: [UInt8], requestedAt: ContinuousClock.Instant) -> Token? {
        guard let object = (try? JSONParser().parse(body))?.objectValue,
            let value = object["access_token"]?.stringValue, !value.isEmpty,
            case .number(let text)? = object["expires_in"], let seconds = Double(text), seconds > 0
        else { return nil }
        let lifetime = Duration.milliseconds(Int64(min(seconds, 10_000_000) * 1_000))
        let expiresAt = requestedAt + lifetime
        return Token(value: value, refreshAt: expiresAt - refreshMargin(lifetime: lifetime), expiresAt: expiresAt)
    }
}
