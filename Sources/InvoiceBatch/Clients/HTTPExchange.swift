#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import InvoiceAPI

/// One HTTP attempt as it went over the wire: what was sent, what came back (or the transport error instead),
/// when, and which row it was for — what the audit log writes as one `<exchange>`.
///
/// Carries the real values, secrets included (an observer decides what to write); `secrets` lists the ones
/// present so redaction does not depend on knowing where each secret sits.
public struct HTTPExchange: Sendable {
    /// Why the request was made.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An attempt of a row's own operation.
        case rowRequest = "row-request"
        /// `POST /oauth/token`.
        case token
        /// `GET /v1/invoices/{key}` after an unanswered attempt of a non-repeatable operation.
        case readBack = "read-back"
        /// `GET /v1/invoices/{number}` to learn an invoice's ID before a CRUD call.
        case keyResolution = "key-resolution"
        /// `GET /v1/invoices/{key}` by `reconcile --verify`, to compare the invoice with what was requested.
        case verification
    }

    public var kind: Kind
    /// The row's data record number; `nil` for requests made for the whole run (a token, a pre-resolution).
    public var row: Int?
    /// The row's number in the original file.
    public var sourceRow: Int?
    public var action: InvoiceAction?
    /// The invoice key (or AppZen uuid) the row names, as given.
    public var invoiceKey: String?
    /// 1-based attempt number within this kind of request for this row.
    public var attempt: Int

    /// `GET`, `PUT`, `POST`.
    public var method: String
    /// The scheme, host and port the request went to, e.g. `https://rest.zuora.com`.
    public var baseURL: String
    /// The path with its query string.
    public var pathAndQuery: String
    /// The request headers in the order sent (those AsyncHTTPClient adds itself, such as `Content-Length`, aside).
    public var requestHeaders: [(name: String, value: String)]
    /// The request body before any content encoding: JSON, or the token request's form.
    public var requestBody: [UInt8]
    /// The body as sent when it was gzipped (`--gzip-requests`); `nil` when it went as `requestBody`.
    public var encodedRequestBody: [UInt8]?

    /// The HTTP status; `nil` when no answer came.
    public var responseStatus: Int?
    public var responseHeaders: [(name: String, value: String)]
    /// The response body, decompressed.
    public var responseBody: [UInt8]
    /// What went wrong instead of an answer (timeout, connection reset, …); `nil` when answered.
    public var transportError: String?

    /// When the request started, by the wall clock.
    public var startedAt: Date
    /// From the start of the request to the end of the response body (or the error).
    public var duration: Duration
    /// Every secret value this exchange may contain (credentials, bearer tokens sent or received).
    public var secrets: [String]

    public init(
        kind: Kind, row: Int?, sourceRow: Int?, action: InvoiceAction?, invoiceKey: String?, attempt: Int,
        method: String, baseURL: String, pathAndQuery: String, requestHeaders: [(name: String, value: String)],
        requestBody: [UInt8], encodedRequestBody: [UInt8]?, responseStatus: Int?,
        responseHeaders: [(name: String, value: String)], responseBody: [UInt8], transportError: String?,
        startedAt: Date, duration: Duration, secrets: [String]
    ) {
        self.kind = kind
        self.row = row
        self.sourceRow = sourceRow
        self.action = action
        self.invoiceKey = invoiceKey
        self.attempt = attempt
        self.method = method
        self.baseURL = baseURL
        self.pathAndQuery = pathAndQuery
        self.requestHeaders = requestHeaders
        self.requestBody = requestBody
        self.encodedRequestBody = encodedRequestBody
        self.responseStatus = responseStatus
        self.responseHeaders = responseHeaders
        self.responseBody = responseBody
        self.transportError = transportError
        self.startedAt = startedAt
        self.duration = duration
        self.secrets = secrets
    }

    /// The value of the request header `name` (case-insensitive), if sent.
    public func requestHeader(_ name: String) -> String? {
        requestHeaders.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The value of the response header `name` (case-insensitive), if received.
    public func responseHeader(_ name: String) -> String? {
        responseHeaders.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
