import Synchronization

/// The XML audit log of a run segment, streamed as exchanges end: the root element with the run, one
/// `<exchange>` per HTTP attempt, the summary at the close (`schemas/audit-log.xsd`).
///
/// Memory stays constant: each exchange goes straight through libxml2's writer to the file. Exchanges arrive from
/// many requests at once; a lock keeps each one whole. A write error does not interrupt the requests that report
/// exchanges — it is kept, nothing more is written, and `flush` and `close` throw it, so the run stops at its
/// next checkpoint rather than carrying on without the evidence it was asked for.
public final class AuditLogWriter: Sendable {
    /// The text that replaces every secret.
    public static let redactionMarker = "[REDACTED]"

    public let path: String
    private let state: Mutex<State>

    private struct State {
        var xml: XMLStreamWriter?
        var output: AuditFileOutput
        var exchanges = 0
        var failure: AuditLogError?
    }

    /// Creates the file (it must not exist) and writes the root element's start.
    /// - Parameter compressionLevel: zlib's level for `.gz` paths (1 fastest … 9 smallest).
    public init(path: String, run: AuditRun, compressionLevel: Int32 = 6) throws(AuditLogError) {
        self.path = path
        let output = try AuditFileOutput(path: path, compressionLevel: compressionLevel)
        let xml = try XMLStreamWriter(output: try output.makeOutputBuffer(), path: path)
        try AuditElements(xml).writeOpening(run)
        try xml.flush()
        try output.flush()
        state = Mutex(State(xml: xml, output: output))
    }

    /// Appends one `<exchange>`. Never throws: a failure is kept for `flush` and `close`.
    public func record(_ exchange: AuditExchange) {
        state.withLock { state in
            guard state.failure == nil, let xml = state.xml else { return }
            state.exchanges += 1
            do throws(AuditLogError) {
                try AuditElements(xml).write(exchange, sequence: state.exchanges)
            } catch {
                state.failure = error
            }
        }
    }

    /// The `<exchange>` elements written so far.
    public var exchangeCount: Int { state.withLock { $0.exchanges } }

    /// Pushes what is written to the file, so a killed run leaves everything up to here readable.
    /// - Throws: the first write failure since the log opened.
    public func flush() throws(AuditLogError) {
        try state.withLock { (state) throws(AuditLogError) in
            if let failure = state.failure { throw failure }
            do throws(AuditLogError) {
                try state.xml?.flush()
                try state.output.flush()
            } catch {
                state.failure = error
                throw error
            }
        }
    }

    /// Writes the summary, ends the document and closes the file. Later calls do nothing.
    /// - Throws: the first write failure since the log opened (the file is closed anyway).
    public func close(summary: AuditSummary) throws(AuditLogError) {
        try state.withLock { (state) throws(AuditLogError) in
            guard let xml = state.xml else { return }
            if state.failure == nil {
                do throws(AuditLogError) {
                    try AuditElements(xml).writeClosing(summary, exchanges: state.exchanges)
                    try xml.endDocument()
                    try xml.flush()
                } catch {
                    state.failure = error
                }
            }
            state.xml = nil  // frees libxml2's writer before the file it writes to is closed
            do throws(AuditLogError) {
                try state.output.close()
            } catch {
                if state.failure == nil { state.failure = error }
            }
            if let failure = state.failure { throw failure }
        }
    }
}
