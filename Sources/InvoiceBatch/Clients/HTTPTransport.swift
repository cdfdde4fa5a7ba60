import AsyncHTTPClient
import CompressNIO
import InvoiceAPI
import NIOCore
import NIOHTTP1

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Sends one HTTP request over the run's single `HTTPClient` and reads the whole answer: gzip on the way out
/// when asked, `Accept-Encoding: gzip` always (AsyncHTTPClient inflates the answer), the per-request timeout,
/// the body collected up to a cap, and every exchange shown to the observer.
///
/// No retries, no interpretation: a status code is an answer like any other; only the absence of an answer
/// is a `TransportFailure`.
final class HTTPTransport: Sendable {
    let client: HTTPClient
    /// From sending the request to the response head; body reads are bounded by the client's read timeout.
    let timeout: Duration
    /// Response bodies larger than this (after decompression) are refused.
    let maxResponseBytes: Int
    /// Whether request bodies go out gzipped (`--gzip-requests`).
    let gzipRequests: Bool
    let observer: (any ExchangeObserver)?

    init(
        client: HTTPClient, timeout: Duration, maxResponseBytes: Int, gzipRequests: Bool,
        observer: (any ExchangeObserver)?
    ) {
        self.client = client
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.gzipRequests = gzipRequests
        self.observer = observer
    }

    /// One request, ready to send.
    struct Request: Sendable {
        var method: HTTPMethod
        var baseURL: String
        var pathAndQuery: String
        var headers: [(name: String, value: String)]
        /// The body before any content encoding; `nil` for none.
        var body: [UInt8]?
        /// Whether `body` may be gzipped (`--gzip-requests` applies to JSON bodies, not the token form).
        var compressible: Bool
        var context: ExchangeContext
        /// Secret values the request or its answer may contain, for the observer.
        var secrets: [String]
    }

    /// One answer, body complete.
    struct Response: Sendable {
        var status: Int
        var headers: HTTPHeaders
        /// Decompressed.
        var body: [UInt8]

        func header(_ name: String) -> String? { headers.first(name: name) }
    }

    func send(_ request: Request) async -> Result<Response, TransportFailure> {
        let startedAt = Date()
        let start = ContinuousClock.now
        var headers = request.headers
        if !headers.contains(where: { $0.name.lowercased() == "accept-encoding" }) {
            headers.append((name: "Accept-Encoding", value: "gzip"))
        }
        var encoded: [UInt8]?
        var outgoing = HTTPClientRequest(url: request.baseURL + request.pathAndQuery)
        outgoing.method = request.method
        if let body = request.body {
            if gzipRequests, request.compressible {
                do {
                    var buffer = ByteBuffer(bytes: body)
                    let compressed = try buffer.compress(with: .gzip())
                    encoded = Array(compressed.readableBytesView)
                    headers.append((name: "Content-Encoding", value: "gzip"))
                } catch {
                    return .failure(
                        TransportFailure(
                            code: TransportFailure.requestCode, message: "could not gzip the request body (\(error))",
                            mayHaveReachedServer: false, cancelled: false
                        )
                    )
                }
            }
            outgoing.body = .bytes(ByteBuffer(bytes: encoded ?? body))
        }
        for header in headers { outgoing.headers.add(name: header.name, value: header.value) }

        let result: Result<Response, TransportFailure>
        do {
            let response = try await client.execute(outgoing, deadline: .now() + timeout.timeAmount)
            let body = try await response.body.collect(upTo: maxResponseBytes)
            result = .success(
                Response(
                    status: Int(response.status.code), headers: response.headers, body: Array(body.readableBytesView)))
        } catch {
            result = .failure(
                TransportFailure.classify(
                    error, baseURL: request.baseURL, timeout: timeout, cancelled: Task.isCancelled)
            )
        }
        if let observer {
            observer.observe(exchange(request, headers, encoded, result, startedAt, ContinuousClock.now - start))
        }
        return result
    }

    private func exchange(
        _ request: Request, _ headers: [(name: String, value: String)], _ encoded: [UInt8]?,
        _ result: Result<Response, TransportFailure>, _ startedAt: Date, _ duration: Duration
    ) -> HTTPExchange {
        var exchange = HTTPExchange(
            kind: request.context.kind, row: request.context.row, sourceRow: request.context.sourceRow,
            action: request.context.action, invoiceKey: request.context.invoiceKey, attempt: request.context.attempt,
            method: request.method.rawValue, baseURL: request.baseURL, pathAndQuery: request.pathAndQuery,
            requestHeaders: headers, requestBody: request.body ?? [], encodedRequestBody: encoded,
            responseStatus: nil, responseHeaders: [], responseBody: [], transportError: nil,
            startedAt: startedAt, duration: duration, secrets: request.secrets
        )
        if case .success(let response) = result, request.context.kind == .token,
            let token = (try? JSONParser().parse(response.body))?.objectValue?["access_token"]?.stringValue
        {
            // The token just issued is as secret as the credentials that bought it.
            exchange.secrets.append(token)
        }
        switch result {
        case .success(let response):
            exchange.responseStatus = response.status
            exchange.responseHeaders = response.headers.map { (name: $0.name, value: $0.value) }
            exchange.responseBody = response.body
        case .failure(let failure):
            exchange.transportError = failure.message
        }
        return exchange
    }
}
