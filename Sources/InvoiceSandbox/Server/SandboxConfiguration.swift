public import InvoiceAPI

/// Everything that shapes one sandbox: where it listens, what it seeds, which credentials it accepts, the
/// limits it enforces and the faults it injects.
///
/// The defaults give a well-behaved tenant (Zuora's default concurrency limit of 40, a generous rate limit,
/// no faults), so `invoicebatch run` against the embedded sandbox succeeds unless a test or a user asks for
/// trouble. A limit or a rate of `0` switches that behaviour off.
public struct SandboxConfiguration: Sendable {
    /// The address to bind; loopback, so nothing leaves the machine.
    public var host: String
    /// The port to bind; `0` lets the system choose one (read it back from `RunningSandbox.port`).
    public var port: Int
    /// How many invoices to seed (`INV-00000001`…).
    public var invoices: Int
    /// The seed of every generated ID, date and amount: the same seed gives the same tenant.
    public var seed: UInt64
    /// The credentials the OAuth and AppZen endpoints accept.
    public var credentials: SandboxCredentials
    /// How long an OAuth token stays valid (`expires_in`).
    public var tokenTTL: Duration
    /// Requests allowed in flight on `/v1` at once; beyond it, 429 (`0`: no limit).
    public var concurrencyLimit: Int
    /// Requests allowed per minute on `/v1`; beyond it, 429 until the window resets (`0`: no limit).
    public var rateLimitPerMinute: Int
    /// Token requests allowed per minute on `/oauth/token` (`0`: no limit): a client must cache its token.
    public var tokenRequestsPerMinute: Int
    /// Added to every `/v1`, AppZen and token request before it is answered.
    public var latency: Duration
    /// A uniformly random extra delay of up to this much on top of `latency`.
    public var jitter: Duration
    /// Share of `/v1` and AppZen requests answered 503 without being applied (0…1).
    public var failRate: Double
    /// Share of `/v1` and AppZen requests whose connection is dropped without an answer (0…1).
    public var resetRate: Double
    /// Whether a dropped request was applied first.
    public var resetPhase: ResetPhase
    /// Share of changing `/v1` requests answered with lock contention (200 with a `…50` reason, or CRUD
    /// `LOCK_COMPETITION`) without being applied (0…1).
    public var lockRate: Double
    /// Whether a change to an invoice that arrives while another change to the same invoice is still in
    /// flight is refused with lock contention, as a real tenant does; it is how the sandbox catches a client
    /// that breaks per-invoice ordering.
    public var lockOnOverlap: Bool
    /// How long after an accepted `e-invoice/sync-status` the e-invoice status moves on to `Success`.
    public var einvoiceSyncDelay: Duration
    /// The last day of the closed accounting periods: an `invoiceDate` on or before it is refused.
    public var closedPeriodsThrough: CalendarDate
    /// The largest request body accepted, after decompression.
    public var maxBodyBytes: Int

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        invoices: Int = 1_000,
        seed: UInt64 = 1,
        credentials: SandboxCredentials = .defaults,
        tokenTTL: Duration = .seconds(3_600),
        concurrencyLimit: Int = 40,
        rateLimitPerMinute: Int = 60_000,
        tokenRequestsPerMinute: Int = 100,
        latency: Duration = .zero,
        jitter: Duration = .zero,
        failRate: Double = 0,
        resetRate: Double = 0,
        resetPhase: ResetPhase = .both,
        lockRate: Double = 0,
        lockOnOverlap: Bool = true,
        einvoiceSyncDelay: Duration = .seconds(1),
        closedPeriodsThrough: CalendarDate = SandboxConfiguration.defaultClosedPeriodsThrough,
        maxBodyBytes: Int = 8 * 1024 * 1024
    ) {
        self.host = host
        self.port = port
        self.invoices = invoices
        self.seed = seed
        self.credentials = credentials
        self.tokenTTL = tokenTTL
        self.concurrencyLimit = concurrencyLimit
        self.rateLimitPerMinute = rateLimitPerMinute
        self.tokenRequestsPerMinute = tokenRequestsPerMinute
        self.latency = latency
        self.jitter = jitter
        self.failRate = failRate
        self.resetRate = resetRate
        self.resetPhase = resetPhase
        self.lockRate = lockRate
        self.lockOnOverlap = lockOnOverlap
        self.einvoiceSyncDelay = einvoiceSyncDelay
        self.closedPeriodsThrough = closedPeriodsThrough
        self.maxBodyBytes = maxBodyBytes
    }

    /// Accounting periods are closed through 2025-12-31; the first 60 seeded invoices are dated in 2026.
    public static let defaultClosedPeriodsThrough = CalendarDate(year: 2025, month: 12, day: 31)!
}
