/// Everything a sandbox remembers between requests: its configuration, the tenant's invoices, issued
/// tokens, limits, fault dice and statistics.
///
/// Shared by all requests; each part carries its own small lock, so nothing here serialises the server.
public final class SandboxState: Sendable {
    public let configuration: SandboxConfiguration
    /// The tenant's invoices.
    public let store: InvoiceStore
    let tokens = TokenStore()
    let stats = StatsRecorder()
    let dice: FaultDice
    let requestIDs = RequestIDGenerator()
    let concurrency = ConcurrencyGauge()
    let rateLimit = WindowRateLimiter(window: .seconds(60))
    let tokenRateLimit = WindowRateLimiter(window: .seconds(60))

    /// A tenant seeded as `configuration` says.
    public init(configuration: SandboxConfiguration) {
        self.configuration = configuration
        self.store = InvoiceStore(invoices: InvoiceSeeder.invoices(count: configuration.invoices, seed: configuration.seed))
        self.dice = FaultDice(seed: configuration.seed)
    }

    /// What the sandbox has seen and done so far.
    public var statistics: SandboxStatistics { stats.snapshot }

    /// Puts every invoice back to its seeded state and zeroes the statistics (`POST /sandbox/reset`).
    /// Issued tokens stay valid.
    public func reset() {
        store.reset()
        stats.reset()
    }

    /// A valid bearer token, without going through `POST /oauth/token` (for tests that are not about auth).
    public func issueToken() -> String {
        tokens.issue(ttl: configuration.tokenTTL)
    }
}
