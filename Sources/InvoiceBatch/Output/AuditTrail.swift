#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import AuditLog
import InvoiceAPI
import Synchronization

/// `--audit-xml`: every HTTP exchange of the run, redacted, into the XML audit log as it ends. The bridge between
/// the client's `ExchangeObserver` and `AuditLog`, which knows nothing of runs or secrets.
public final class AuditTrail: ExchangeObserver {
    public let writer: AuditLogWriter
    /// The redaction of the last secrets seen: every exchange of a run carries the same few, save a new token now
    /// and then, and building the patterns costs more than applying them.
    private let redactions = Mutex<(secrets: [String], redaction: ExchangeRedaction)?>(nil)

    /// Opens segment `run.segment` at `path` (which must not exist).
    public init(path: String, run: AuditRun, compressionLevel: Int32 = 1) throws(AuditLogError) {
        writer = try AuditLogWriter(path: path, run: run, compressionLevel: compressionLevel)
    }

    public var path: String { writer.path }

    public func observe(_ exchange: HTTPExchange) {
        writer.record(Self.auditExchange(exchange, redaction: redaction(for: exchange.secrets)))
    }

    private func redaction(for secrets: [String]) -> ExchangeRedaction {
        if let cached = redactions.withLock({ $0 }), cached.secrets == secrets { return cached.redaction }
        let redaction = ExchangeRedaction(secrets: secrets)
        redactions.withLock { $0 = (secrets, redaction) }
        return redaction
    }

    /// The exchange as the log records it: secrets out, times as text.
    static func auditExchange(_ exchange: HTTPExchange, redaction: ExchangeRedaction) -> AuditExchange {
        let requestBody = redaction.text(exchange.requestBody)
        let responseBody = redaction.text(exchange.responseBody)
        let milliseconds = Int((exchange.startedAt.timeIntervalSince1970 * 1_000).rounded(.down))
        return AuditExchange(
            kind: exchange.kind.rawValue, row: exchange.row, sourceRow: exchange.sourceRow,
            action: exchange.action?.rawValue, invoiceKey: exchange.invoiceKey, attempt: exchange.attempt,
            startedAt: UTCTimestamp.string(epochMilliseconds: milliseconds), method: exchange.method,
            baseURL: exchange.baseURL, pathAndQuery: redaction.string(exchange.pathAndQuery).text,
            requestHeaders: exchange.requestHeaders.map { redaction.header(name: $0.name, value: $0.value) },
            requestBody: requestBody.bytes, requestContentEncoding: exchange.encodedRequestBody == nil ? nil : "gzip",
            requestBodyRedacted: requestBody.redacted, responseStatus: exchange.responseStatus,
            responseHeaders: exchange.responseHeaders.map { redaction.header(name: $0.name, value: $0.value) },
            responseBody: responseBody.bytes, responseBodyRedacted: responseBody.redacted,
            transportError: exchange.transportError.map { redaction.string($0).text },
            duration: exchange.duration
        )
    }
}
