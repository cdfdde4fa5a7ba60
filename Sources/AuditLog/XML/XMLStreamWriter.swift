import CLibXML2

/// libxml2's `xmlTextWriter` with Swift types: elements, attributes, escaped text and base64, streamed to an
/// output buffer. The writer escapes `<`, `&`, `>` and CR in text and attributes; callers decide, with
/// `XMLSafeText`, when content must go as base64 instead.
///
/// Not thread-safe: `AuditLogWriter` serialises every call.
final class XMLStreamWriter {
    private let writer: xmlTextWriterPtr
    private let path: String

    /// Takes ownership of `output` (freed with the writer).
    /// - Parameter indent: libxml2's indentation (a line per element); off, callers place line breaks with
    ///   `lineBreak()`.
    init(output: xmlOutputBufferPtr, path: String, indent: Bool = false) throws(AuditLogError) {
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            throw AuditLogError(path: path, message: "libxml2 could not create a text writer")
        }
        self.writer = writer
        self.path = path
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            _ = "  ".withCString { xmlTextWriterSetIndentString(writer, Self.xml($0)) }
        }
    }

    deinit {
        // Frees the output buffer too (its close callback does not close the file; `AuditFileOutput` does).
        xmlFreeTextWriter(writer)
    }

    func startDocument() throws(AuditLogError) {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    }

    func endDocument() throws(AuditLogError) {
        try check(xmlTextWriterEndDocument(writer), "end the document")
    }

    func startElement(_ name: String) throws(AuditLogError) {
        try check(name.withCString { xmlTextWriterStartElement(writer, Self.xml($0)) }, "start <\(name)>")
    }

    func endElement() throws(AuditLogError) {
        try check(xmlTextWriterEndElement(writer), "end an element")
    }

    /// An attribute of the element just started. `value` must be XML-safe text (`XMLSafeText`).
    func attribute(_ name: String, _ value: String) throws(AuditLogError) {
        let status = name.withCString { namePointer in
            value.withCString { xmlTextWriterWriteAttribute(writer, Self.xml(namePointer), Self.xml($0)) }
        }
        try check(status, "write the attribute \(name)")
    }

    func attribute(_ name: String, _ value: Int) throws(AuditLogError) {
        try attribute(name, String(value))
    }

    /// Escaped text content. `bytes` must be XML-safe (`XMLSafeText`); a NUL-terminated copy is made for libxml2.
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws(AuditLogError) {
        guard !bytes.isEmpty else { return }
        let status = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { copy in
            _ = copy.initialize(fromContentsOf: bytes)
            copy[bytes.count] = 0
            return xmlTextWriterWriteString(writer, copy.baseAddress)
        }
        try check(status, "write text")
    }

    func text(_ text: String) throws(AuditLogError) {
        guard !text.isEmpty else { return }
        try check(text.withCString { xmlTextWriterWriteString(writer, Self.xml($0)) }, "write text")
    }

    /// A CDATA section: text without escapes. `bytes` must be XML-safe and hold no `]]>`.
    func cdata(_ bytes: UnsafeBufferPointer<UInt8>) throws(AuditLogError) {
        guard !bytes.isEmpty else { return }
        let status = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { copy in
            _ = copy.initialize(fromContentsOf: bytes)
            copy[bytes.count] = 0
            return xmlTextWriterWriteCDATA(writer, copy.baseAddress)
        }
        try check(status, "write a CDATA section")
    }

    /// The bytes as base64 text content.
    func base64(_ bytes: UnsafeBufferPointer<UInt8>) throws(AuditLogError) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let status = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            xmlTextWriterWriteBase64(writer, $0, 0, Int32(bytes.count))
        }
        try check(status, "write base64 text")
    }

    /// A line break between elements (whitespace the document's meaning ignores).
    func lineBreak() throws(AuditLogError) {
        try check("\n".withCString { xmlTextWriterWriteRawLen(writer, Self.xml($0), 1) }, "write a line break")
    }

    /// Hands everything buffered to the output.
    func flush() throws(AuditLogError) {
        try check(xmlTextWriterFlush(writer), "flush")
    }

    /// `what` is only made when the call failed (an eager message would cost more than the call).
    private func check(_ status: Int32, _ what: @autoclosure () -> String) throws(AuditLogError) {
        if status < 0 { throw AuditLogError(path: path, message: "libxml2 could not \(what())") }
    }

    private static func xml(_ pointer: UnsafePointer<CChar>) -> UnsafePointer<xmlChar> {
        UnsafeRawPointer(pointer).assumingMemoryBound(to: xmlChar.self)
    }
}
