import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InvoiceSandbox
import Logging

/// `invoicebatch sandbox`: the embedded Zuora + AppZen simulator as a standalone server.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve a simulated Zuora tenant and AppZen account on loopback until Ctrl-C.",
        discussion: """
            The sandbox holds seeded invoices (INV-00000001…; the same --seed gives the same tenant), issues \
            expiring OAuth tokens, enforces the API pages' rules with the providers' own error shapes, and can be \
            made slow, limited or faulty. It prints its base URL and the credentials to use, then serves until \
            Ctrl-C, letting requests in flight finish. GET /sandbox/stats shows what it saw and applied; \
            POST /sandbox/reset restores the seed.

            EXAMPLE
              invoicebatch sandbox --port 8080 --latency-ms 20 --fail-rate 0.02

              U=http://127.0.0.1:8080
              TOKEN=$(curl -s $U/oauth/token -d grant_type=client_credials \\
                -d client_id=5a4db0c1-0000-4000-8000-5a4db0c1e2f3 \\
                -d client_secret=sandbox-client-secret-not-for-production \\
                | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
              curl -s $U/v1/invoices/INV-00000002 -H "Authorization: Bearer $TOKEN"
              curl -s -X PUT $U/v1/invoices/INV-00000002 \\
                -H "Authorization: Bearer $TOKEN" \\
                -H 'Content-Type: application/json' -d '{"dueDate":"2026-12-01"}'
              curl -s $U/sandbox/stats
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(help: "How many invoices to seed.")
    var invoices = 1_000

    @Option(help: "The seed of the generated tenant.")
    var seed: UInt64 = 1

    @Option(name: [.customLong("latency-ms"), .customLong("latency")], help: "Milliseconds added to every request.")
    var latencyMS = 0

    @Option(name: .customLong("jitter-ms"), help: "Up to this many random milliseconds more per request.")
    var jitterMS = 0

    @Option(help: "Share of requests answered 503 (0…1).")
    var failRate = 0.0

    @Option(help: "Share of requests whose connection is dropped without an answer (0…1).")
    var resetRate = 0.0

    @Option(help: "Whether a dropped request was applied first.")
    var resetPhase = ResetPhase.both

    @Option(help: "Share of changes answered with lock contention (0…1).")
    var lockRate = 0.0

    @Option(help: "Requests in flight allowed on /v1; more get 429 (0: no limit).")
    var concurrencyLimit = 40

    @Option(help: "Requests per minute allowed on /v1; more get 429 (0: no limit).")
    var rateLimit = 60_000

    @Option(help: "Token requests per minute allowed on /oauth/token (0: no limit).")
    var tokenRateLimit = 100

    @Option(help: "Seconds an OAuth token stays valid.")
    var tokenTTL = 3_600

    @Option(name: .customLong("einvoice-sync-delay-ms"), help: "Milliseconds until a synced e-invoice becomes Success.")
    var einvoiceSyncDelayMS = 1_000

    @Option(help: "The OAuth client ID to accept.")
    var clientID = SandboxCredentials.defaults.clientID

    @Option(help: "The OAuth client secret to accept.")
    var clientSecret = SandboxCredentials.defaults.clientSecret

    @Option(name: .customLong("appzen-api-key"), help: "The AppZen x-api-key to accept.")
    var appZenAPIKey = SandboxCredentials.defaults.appZenAPIKey

    @Option(name: .customLong("appzen-customer-id"), help: "The AppZen customer-id to accept.")
    var appZenCustomerID = SandboxCredentials.defaults.appZenCustomerID

    @Option(name: .customLong("appzen-customer-key"), help: "The AppZen customer-key to accept.")
    var appZenCustomerKey = SandboxCredentials.defaults.appZenCustomerKey

    @Option(help: "Server log level (trace, debug, info, notice, warning, error, critical).")
    var logLevel = "warning"

    func validate() throws {
        for (name, rate) in [("--fail-rate", failRate), ("--reset-rate", resetRate), ("--lock-rate", lockRate)]
        where !(0...1).contains(rate) {
            throw ValidationError("\(name) must be between 0 and 1, not \(rate)")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard invoices >= 1 else { throw ValidationError("--invoices must be at least 1") }
        guard tokenTTL >= 1 else { throw ValidationError("--token-ttl must be at least 1 second") }
        for (name, value) in [
            ("--latency-ms", latencyMS), ("--jitter-ms", jitterMS), ("--concurrency-limit", concurrencyLimit),
            ("--rate-limit", rateLimit), ("--token-rate-limit", tokenRateLimit),
            ("--einvoice-sync-delay-ms", einvoiceSyncDelayMS),
        ] where value < 0 {
            throw ValidationError("\(name) cannot be negative")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        let configuration = SandboxConfiguration(
            host: host, port: port, invoices: invoices, seed: seed,
            credentials: SandboxCredentials(
                clientID: clientID, clientSecret: clientSecret, appZenAPIKey: appZenAPIKey,
                appZenCustomerID: appZenCustomerID, appZenCustomerKey: appZenCustomerKey
            ),
            tokenTTL: .seconds(tokenTTL), concurrencyLimit: concurrencyLimit, rateLimitPerMinute: rateLimit,
            tokenRequestsPerMinute: tokenRateLimit, latency: .milliseconds(latencyMS), jitter: .milliseconds(jitterMS),
            failRate: failRate, resetRate: resetRate, resetPhase: resetPhase, lockRate: lockRate,
            einvoiceSyncDelay: .milliseconds(einvoiceSyncDelayMS)
        )
        var logger = Logger(label: "invoicebatch.sandbox")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .warning
        try await Sandbox.serve(configuration, logger: logger) { endpoint in
            print(SandboxBanner.text(endpoint: endpoint, configuration: configuration))
            fflush(nil)  // stdout is block-buffered when piped; a script waits for this banner
        }
    }
}

extension ResetPhase: ExpressibleByArgument {}
