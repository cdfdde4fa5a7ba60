import AsyncHTTPClient
import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An attempt that got no usable answer: a timeout, a refused or dropped connection, a body over the cap.
///
/// What matters most is `mayHaveReachedServer`. A failure while connecting (refused, unreachable, connect
/// timeout, DNS) proves the request was never sent; anything after the connection was established (a reset,
/// a close, a read timeout, an overall deadline) may have come after the server applied the request. Errors
/// that AsyncHTTPClient cannot place precisely — its overall deadline fires both while queued and while
/// waiting for the answer — count as "may have reached": wrongly assuming "not sent" could apply a
/// non-repeatable change twice, wrongly assuming "may have reached" costs one read-back.
struct TransportFailure: Error, Sendable {
    /// Our code for the report's `errorCode`: `timeout`, `connection-error`, `response-too-large`,
    /// `request-error`.
    var code: String
    /// What happened, without secrets.
    var message: String
    /// Whether the server may have received (and applied) the request.
    var mayHaveReachedServer: Bool
    /// Whether the failure is the calling task's cancellation rather than the network.
    var cancelled: Bool

    static let timeoutCode = "timeout"
    static let connectionCode = "connection-error"
    static let tooLargeCode = "response-too-large"
    static let requestCode = "request-error"

    /// Classifies an error thrown by AsyncHTTPClient for a request to `baseURL`.
    static func classify(_ error: any Error, baseURL: String, timeout: Duration, cancelled: Bool) -> TransportFailure {
        let detail = String(describing: error)
        if cancelled {
            return TransportFailure(
                code: "cancelled", message: "cancelled while waiting for \(baseURL) (\(detail))",
                mayHaveReachedServer: true, cancelled: true
            )
        }
        if error is NIOTooManyBytesError {
            return TransportFailure(
                code: tooLargeCode, message: "the answer from \(baseURL) is larger than the response cap",
                mayHaveReachedServer: true, cancelled: false
            )
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout,
                .httpProxyHandshakeTimeout:
                return notSent(timeoutCode, "could not connect to \(baseURL) in time (\(detail))")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return TransportFailure(
                    code: timeoutCode,
                    message: "no answer from \(baseURL) within \(formatted(timeout)) (\(detail))",
                    mayHaveReachedServer: true, cancelled: false
                )
            case .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown, .missingSocketPath, .traceRequestWithBody:
                return notSent(requestCode, "the request to \(baseURL) could not be sent (\(detail))")
            default:
                if isNotSent(error) {
                    return notSent(requestCode, "the request to \(baseURL) could not be sent (\(detail))")
                }
                return maybeSent(baseURL, detail)
            }
        }
        if error is NIOConnectionError {
            return notSent(connectionCode, "could not connect to \(baseURL) (\(detail))")
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return notSent(timeoutCode, "could not connect to \(baseURL) in time (\(detail))")
        }
        if let error = error as? IOError,
            [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL].contains(error.errnoCode)
        {
            return notSent(connectionCode, "could not connect to \(baseURL) (\(detail))")
        }
        return maybeSent(baseURL, detail)
    }

    private static func notSent(_ code: String, _ message: String) -> TransportFailure {
        TransportFailure(code: code, message: message, mayHaveReachedServer: false, cancelled: false)
    }

    private static func maybeSent(_ baseURL: String, _ detail: String) -> TransportFailure {
        TransportFailure(
            code: connectionCode, message: "the connection to \(baseURL) was lost before an answer came (\(detail))",
            mayHaveReachedServer: true, cancelled: false
        )
    }

    /// AsyncHTTPClient's errors that it raises before writing anything (invalid headers, unsupported scheme).
    private static func isNotSent(_ error: HTTPClientError) -> Bool {
        let text = String(describing: error)
        return text.contains("unsupportedScheme") || text.contains("invalidHeaderField")
    }

    static func formatted(_ duration: Duration) -> String {
        let milliseconds = duration.milliseconds
        return milliseconds % 1_000 == 0 ? "\(milliseconds / 1_000) s" : "\(milliseconds) ms"
    }
}
