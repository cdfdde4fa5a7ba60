/// How the model becomes elements: which values are attributes (numbers, names, times, all XML-safe by
/// construction) and which are text that may need base64 (anything a cell, a server or the network filled).
///
/// One line per child of the root — an exchange per line, so `zgrep` finds an exchange whole — rather than
/// libxml2's indentation, which costs a write per element and doubles the size of the log before gzip.
struct AuditElements {
    let xml: XMLStreamWriter

    init(_ xml: XMLStreamWriter) {
        self.xml = xml
    }

    func writeOpening(_ run: AuditRun) throws(AuditLogError) {
        try xml.startDocument()
        try xml.startElement("auditLog")
        try attribute("formatVersion", "1")
        try attribute("runId", run.runID)
        try attribute("toolVersion", run.toolVersion)
        try attribute("segment", String(run.segment))
        try attribute("runStartedAt", run.runStartedAt)
        try attribute("segmentStartedAt", run.segmentStartedAt)
        try attribute("inputSha256", run.inputSHA256)
        try attribute("inputBytes", String(run.inputBytes))
        try xml.lineBreak()
        try textElement("target", run.target)
        if let url = run.zuoraURL {
            try xml.lineBreak()
            try textElement("zuoraURL", url)
        }
        if let url = run.appZenURL {
            try xml.lineBreak()
            try textElement("appZenURL", url)
        }
        try xml.lineBreak()
        try textElement("input", run.inputName)
    }

    func write(_ exchange: AuditExchange, sequence: Int) throws(AuditLogError) {
        try xml.lineBreak()
        try xml.startElement("exchange")
        try attribute("seq", String(sequence))
        try attribute("kind", exchange.kind)
        try attribute("attempt", String(exchange.attempt))
        try attribute("startedAt", exchange.startedAt)
        if let row = exchange.row { try attribute("row", String(row)) }
        if let sourceRow = exchange.sourceRow { try attribute("sourceRow", String(sourceRow)) }
        if let action = exchange.action { try attribute("action", action) }
        if let key = exchange.invoiceKey { try textElement("invoiceKey", key) }

        try xml.startElement("request")
        try attribute("method", exchange.method)
        try textElement("baseURL", exchange.baseURL)
        try textElement("path", exchange.pathAndQuery)
        for header in exchange.requestHeaders { try write(header) }
        try body(
            exchange.requestBody, contentEncoding: exchange.requestContentEncoding,
            redacted: exchange.requestBodyRedacted
        )
        try xml.endElement()

        let milliseconds = Self.milliseconds(exchange.duration)
        if let status = exchange.responseStatus {
            try xml.startElement("response")
            try attribute("status", String(status))
            try attribute("durationMs", milliseconds)
            for header in exchange.responseHeaders { try write(header) }
            try body(exchange.responseBody, contentEncoding: nil, redacted: exchange.responseBodyRedacted)
            try xml.endElement()
        } else {
            try textElement(
                "transportError", exchange.transportError ?? "no answer", attributes: [("durationMs", milliseconds)]
            )
        }
        try xml.endElement()
    }

    func writeClosing(_ summary: AuditSummary, exchanges: Int) throws(AuditLogError) {
        try xml.lineBreak()
        try xml.startElement("summary")
        try attribute("endedAt", summary.endedAt)
        try attribute("exitCode", String(summary.exitCode))
        try attribute("rows", String(summary.rows))
        try attribute("exchanges", String(exchanges))
        for (name, count) in summary.outcomes {
            try xml.startElement("outcome")
            try attribute("name", name)
            try attribute("count", String(count))
            try xml.endElement()
        }
        for (name, count) in summary.actions {
            try textElement("action", name, attributes: [("count", String(count))])
        }
        for (code, count) in summary.errorCodes {
            try textElement("errorCode", code, attributes: [("count", String(count))])
        }
        for (name, value) in summary.counters {
            try xml.startElement("counter")
            try attribute("name", name)
            try attribute("value", String(value))
            try xml.endElement()
        }
        if let error = summary.error { try textElement("error", error) }
        try xml.endElement()
        try xml.lineBreak()
        try xml.endElement()  // </auditLog>
    }

    private func write(_ header: AuditExchange.Header) throws(AuditLogError) {
        try xml.startElement("header")
        if XMLSafeText.isSafe(header.name) {
            try xml.attribute("name", header.name)
        } else {
            try xml.attribute("nameBase64", Base64.encode(Array(header.name.utf8)))
        }
        if header.redacted { try xml.attribute("redacted", "true") }
        try content(header.value)
        try xml.endElement()
    }

    private func body(_ bytes: [UInt8], contentEncoding: String?, redacted: Bool) throws(AuditLogError) {
        guard !bytes.isEmpty else { return }
        try xml.startElement("body")
        try xml.attribute("bytes", bytes.count)
        if let contentEncoding { try attribute("contentEncoding", contentEncoding) }
        if redacted { try xml.attribute("redacted", "true") }
        // JSON as it was, in a CDATA section: no `&quot;` for every quote (a third less to write and to gzip).
        // A body that holds `]]>` (which would end the section) or a CR (which a reader turns into LF; escaped text
        // keeps it as `&#13;`) goes as escaped text instead.
        try bytes.withUnsafeBufferPointer { (buffer) throws(AuditLogError) in
            if XMLSafeText.isSafe(buffer), !buffer.contains(0x0D), !Self.containsCDATAEnd(buffer) {
                try xml.cdata(buffer)
            } else {
                try content(bytes)
            }
        }
        try xml.endElement()
    }

    /// Whether `]]>` occurs in `bytes` (it would end a CDATA section).
    static func containsCDATAEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Looks at the last byte of each three-byte window, and moves the window past it unless it is `]`.
        var index = 0
        while index + 2 < bytes.count {
            switch bytes[index + 2] {
            case UInt8(ascii: ">"):
                if bytes[index] == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: "]") { return true }
                index += 3
            case UInt8(ascii: "]"):
                index += 1
            default:
                index += 3
            }
        }
        return false
    }

    /// `<name …>text</name>`, or the text's bytes in base64 with `encoding="base64"` when XML cannot carry them.
    private func textElement(
        _ name: String, _ text: String, attributes: [(String, String)] = []
    ) throws(AuditLogError) {
        try xml.startElement(name)
        for (attributeName, value) in attributes { try attribute(attributeName, value) }
        try content(text)
        try xml.endElement()
    }

    /// The element's content: the bytes as text, or in base64 (with `encoding="base64"`, so it must come right
    /// after the element's other attributes) when XML cannot carry them.
    private func content(_ bytes: [UInt8]) throws(AuditLogError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(AuditLogError) in
            if XMLSafeText.isSafe(buffer) {
                try xml.text(buffer)
            } else {
                try xml.attribute("encoding", "base64")
                try xml.base64(buffer)
            }
        }
    }

    /// `content` for a string (valid Unicode, but it may hold control characters XML cannot carry).
    private func content(_ text: String) throws(AuditLogError) {
        if XMLSafeText.isSafe(text) {
            try xml.text(text)
        } else {
            try content(Array(text.utf8))
        }
    }

    /// An attribute whose value our own code made (a number, a name, a time). Should one ever hold what XML
    /// cannot carry, it goes as `base64:` and its bytes rather than break the file.
    private func attribute(_ name: String, _ value: String) throws(AuditLogError) {
        if XMLSafeText.isSafe(value) {
            try xml.attribute(name, value)
        } else {
            try xml.attribute(name, "base64:" + Base64.encode(Array(value.utf8)))
        }
    }

    /// A duration in milliseconds with three decimals (microseconds).
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let micros = max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        let fraction = micros % 1_000
        let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : String(fraction)
        return "\(micros / 1_000).\(padded)"
    }
}
