import ArgumentParser

/// How hard the tool may press the tenant, shared by `run` and `reconcile --verify` (whose reads count against the
/// same per-tenant limits as every other integration's requests).
struct LimitOptions: ParsableArguments {
    @Option(help: "Requests in flight at most (Zuora allows 40 per tenant, shared with other integrations). Default 10.")
    var concurrency: Int?

    @Option(help: "Requests per second at most (default: no fixed rate; 429s and the limit headers slow the run).")
    var rate: Double?

    @Option(help: "Requests that may go at once after a quiet spell (default: a twentieth of --rate).")
    var burst: Int?

    @Option(help: "Attempts per request at most (429, 5xx, timeouts, dropped connections, transient Zuora codes). Default 5.")
    var maxAttempts: Int?

    @Option(help: "Seconds to wait for one answer. Default 60.")
    var timeout: Int?

    func validate() throws {
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1.") }
        if let rate, rate < 0 { throw ValidationError("--rate cannot be negative.") }
        if let maxAttempts, maxAttempts < 1 { throw ValidationError("--max-attempts must be at least 1.") }
        if let timeout, timeout < 1 { throw ValidationError("--timeout must be at least 1 second.") }
    }
}
