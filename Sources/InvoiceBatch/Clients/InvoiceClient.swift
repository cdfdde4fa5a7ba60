import AsyncHTTPClient
import InvoiceAPI

/// Sends checked operations to Zuora and AppZen and turns whatever happens — answers in the provider's shapes,
/// 429s, 5xx, lock contention, timeouts, dropped connections, expiring tokens — into one `CallOutcome` per row.
///
/// One per run, shared by every row task: it holds the run's token (refreshed for all rows together), the
/// number → ID cache, and the `HTTPClient` its caller scopes (`HTTPClient.withHTTPClient`, with
/// `HTTPClient.Configuration.invoiceBatch(concurrency:timeout:)`). Pacing is the caller's `RequestPacer`, asked
/// before every attempt (retries, read-backs and key resolutions included; token requests, which have a limit of
/// their own, excluded) and told what every answer says about the provider's limits.
///
/// Never logs; an `ExchangeObserver` sees every exchange. No secret reaches a `CallOutcome` or an error.
public final class InvoiceClient: Sendable {
    public let configuration: InvoiceClientConfiguration
    let credentials: ClientCredentials
    /// `credentials.secretValues`, worked out once.
    let secretValues: [String]
    let transport: HTTPTransport
    let pacer: any RequestPacer
    let zuoraAuth: ZuoraAuth
    let ids = InvoiceIDCache()
    let trackIDs: TrackIDs
    let retry: RetryPolicy
    let zuoraBaseURL: String
    let appZenBaseURL: String

    /// How Zuora requests are authorised.
    enum ZuoraAuth: Sendable {
        case tokens(ZuoraTokenProvider)
        case fixed(String)
        case missing
    }

    /// - Parameters:
    ///   - httpClient: The run's one client, created and shut down by the caller.
    ///   - configuration: Targets, headers, timeout, retry budget.
    ///   - credentials: Zuora and AppZen credentials (from `ClientCredentials.load`).
    ///   - pacer: The run's shared limiter.
    ///   - observer: Sees every exchange (the audit log); `nil` for none.
    public init(
        httpClient: HTTPClient,
        configuration: InvoiceClientConfiguration,
        credentials: ClientCredentials,
        pacer: any RequestPacer,
        observer: (any ExchangeObserver)? = nil
    ) {
        self.configuration = configuration
        self.credentials = credentials
        self.secretValues = credentials.secretValues
        self.pacer = pacer
        self.transport = HTTPTransport(
            client: httpClient, timeout: configuration.timeout, maxResponseBytes: configuration.maxResponseBytes,
            gzipRequests: configuration.gzipRequests, observer: observer
        )
        self.trackIDs = TrackIDs(runID: configuration.runID)
        self.retry = RetryPolicy(
            maxAttempts: max(1, configuration.maxAttempts), backoff: configuration.backoff,
            maxRetryAfter: configuration.maxRetryAfter
        )
        self.zuoraBaseURL = Self.trimmingSlash(configuration.zuoraBaseURL)
        self.appZenBaseURL = Self.trimmingSlash(configuration.appZenBaseURL)
        switch credentials.zuora {
        case .clientCredentials(let clientID, let clientSecret):
            self.zuoraAuth = .tokens(
                ZuoraTokenProvider(
                    transport: transport, baseURL: zuoraBaseURL, clientID: clientID, clientSecret: clientSecret,
                    retry: retry, secrets: secretValues
                )
            )
        case .bearerToken(let token):
            self.zuoraAuth = .fixed(token)
        case nil:
            self.zuoraAuth = .missing
        }
    }

    /// The invoice ID that invoice number `number` names, from `GET /v1/invoices/{number}` — asked once per number
    /// for the run (`object-update` rows resolve their numbers the same way, through the same cache).
    ///
    /// For the scheduler: when a file names invoices both by ID and by number, resolving the numbers first makes
    /// one ordered queue per invoice.
    /// - Throws: `ClientError` with the provider's code and message (an unknown number is Zuora's `…40`), or
    ///   code `cancelled`.
    public func resolveID(number: String) async throws(ClientError) -> String {
        do {
            return try await resolvedID(number: number, for: nil)
        } catch let error as ClientError {
            throw error
        } catch {
            throw ClientError.cancelled
        }
    }

    /// HTTP requests made to `POST /oauth/token` so far (for the run summary).
    public func tokenRequestCount() async -> Int {
        guard case .tokens(let provider) = zuoraAuth else { return 0 }
        return await provider.requestCount
    }

    /// The ID of `number`, cached for the run; `call` attributes the lookup's exchanges to a row.
    func resolvedID(number: String, for call: RowCall?) async throws -> String {
        try await ids.id(of: number) { [self] in
            let invoice = try await fetchInvoice(key: number, kind: .keyResolution, for: call)
            guard let id = invoice.json["id"]?.stringValue, !id.isEmpty else {
                throw ClientError(
                    code: ProviderAnswer.unreadableCode,
                    message: "GET \(APIPath.invoice(number)) answered without the invoice's id",
                    httpStatus: invoice.status, requestID: invoice.requestID
                )
            }
            return id
        }
    }

    /// `text` without any secret value.
    func redact(_ text: String) -> String {
        ClientCredentials.redact(text, secrets: secretValues)
    }

    private static func trimmingSlash(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
