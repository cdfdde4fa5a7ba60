import AsyncHTTPClient
import NIOCore
import NIOHTTPCompression

extension HTTPClient.Configuration {
    /// The configuration of the run's one `HTTPClient`: a connection pool sized to the run's concurrency (plus
    /// room for token requests and read-backs), answers inflated (`Accept-Encoding: gzip` is sent on every
    /// request), no redirects (a redirect would carry credentials to another host, and a `PUT` must not be
    /// silently replayed), and a read timeout equal to the per-request timeout so a stalled body cannot hang a
    /// row.
    /// - Parameters:
    ///   - concurrency: Requests in flight at most (`--concurrency`).
    ///   - timeout: The per-request timeout (`--timeout`).
    ///   - maxResponseBytes: The largest answer inflated.
    public static func invoiceBatch(
        concurrency: Int, timeout: Duration, maxResponseBytes: Int = 16 * 1024 * 1024
    ) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(
                connect: min(timeout, .seconds(10)).timeAmount, read: timeout.timeAmount
            ),
            connectionPool: HTTPClient.Configuration.ConnectionPool(
                idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, concurrency) + 2
            ),
            decompression: .enabled(limit: .size(maxResponseBytes))
        )
        configuration.httpVersion = .automatic
        return configuration
    }
}
