/// Everything that shapes how `InvoiceClient` talks to Zuora and AppZen for one run: where, as whom in a
/// multi-entity tenant, how patiently, and how its requests are traced.
public struct InvoiceClientConfiguration: Sendable {
    /// The Zuora REST base URL, e.g. `https://rest.zuora.com` or the embedded sandbox's `http://127.0.0.1:…`.
    public var zuoraBaseURL: String
    /// The AppZen base URL (DESIGN: `--appzen-url`, default `https://api.appzen.com`).
    public var appZenBaseURL: String
    /// The run's ID: the first part of every generated `Zuora-Track-Id` (`<run id>-<row>-<attempt>`). Characters
    /// a track ID cannot hold are dropped and it is cut to 40 characters, so the header always stays within
    /// Zuora's 64.
    public var runID: String
    /// `Zuora-Entity-Ids` (`--zuora-entity-ids`), sent when set.
    public var entityIDs: String?
    /// `Zuora-Org-Ids`, sent when set.
    public var orgIDs: String?
    /// `Zuora-Version`, the minor API version, sent when set.
    public var zuoraVersion: String?
    /// Send JSON bodies gzipped with `Content-Encoding: gzip` (`--gzip-requests`).
    public var gzipRequests: Bool
    /// Per request, from sending to the response head (`--timeout`).
    public var timeout: Duration
    /// Attempts per row in all, the first included (`--max-attempts`); a 401 answered by a token refresh does
    /// not use one up.
    public var maxAttempts: Int
    /// The wait between attempts.
    public var backoff: ExponentialBackoff
    /// The longest `Retry-After` of a 429 obeyed as given.
    public var maxRetryAfter: Duration
    /// The largest response body read, after decompression.
    public var maxResponseBytes: Int

    public static let defaultAppZenBaseURL = "https://api.appzen.com"

    public init(
        zuoraBaseURL: String,
        appZenBaseURL: String = InvoiceClientConfiguration.defaultAppZenBaseURL,
        runID: String,
        entityIDs: String? = nil,
        orgIDs: String? = nil,
        zuoraVersion: String? = nil,
        gzipRequests: Bool = false,
        timeout: Duration = .seconds(60),
        maxAttempts: Int = 5,
        backoff: ExponentialBackoff = ExponentialBackoff(),
        maxRetryAfter: Duration = .seconds(120),
        maxResponseBytes: Int = 16 * 1024 * 1024
    ) {
        self.zuoraBaseURL = zuoraBaseURL
        self.appZenBaseURL = appZenBaseURL
        self.runID = runID
        self.entityIDs = entityIDs
        self.orgIDs = orgIDs
        self.zuoraVersion = zuoraVersion
        self.gzipRequests = gzipRequests
        self.timeout = timeout
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.maxRetryAfter = maxRetryAfter
        self.maxResponseBytes = maxResponseBytes
    }
}
