import CLibXML2
import Synchronization

/// Checks an audit log file (plain or gzip) against `schemas/audit-log.xsd` with libxml2's XML Schema validator:
/// well-formed, and every element, attribute and value where the schema says. What a test, or an auditor years
/// later, runs to trust a log before reading it.
public struct AuditLogValidator: Sendable {
    /// The schema file.
    public let schemaPath: String

    public init(schemaPath: String) {
        self.schemaPath = schemaPath
    }

    /// The problems found in `path`, each with its line; empty when the file is valid.
    /// - Throws: `AuditLogError` when the schema itself cannot be read.
    public func problems(in path: String) throws(AuditLogError) -> [String] {
        // libxml2's error handlers are per thread; a lock keeps a validation and its messages together.
        try Self.lock.withLock { _ throws(AuditLogError) in
            let collector = ErrorCollector()
            let context = Unmanaged.passUnretained(collector).toOpaque()
            xmlSetStructuredErrorFunc(context, ErrorCollector.handler)
            defer { xmlSetStructuredErrorFunc(nil, nil) }

            guard let parser = xmlSchemaNewParserCtxt(schemaPath) else {
                throw AuditLogError(path: schemaPath, message: "cannot read the schema")
            }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, ErrorCollector.handler, context)
            guard let schema = xmlSchemaParse(parser) else {
                throw AuditLogError(
                    path: schemaPath, message: "not a valid schema: \(collector.messages.joined(separator: "; "))"
                )
            }
            defer { xmlSchemaFree(schema) }
            guard let validation = xmlSchemaNewValidCtxt(schema) else {
                throw AuditLogError(path: schemaPath, message: "libxml2 could not start a validation")
            }
            defer { xmlSchemaFreeValidCtxt(validation) }
            xmlSchemaSetValidStructuredErrors(validation, ErrorCollector.handler, context)
            let status = xmlSchemaValidateFile(validation, path, 0)
            var messages = collector.messages
            if status != 0, messages.isEmpty { messages.append("\(path): not valid (libxml2 status \(status))") }
            return messages
        }
    }

    private static let lock = Mutex(())
}

/// Receives libxml2's structured errors during one validation.
private final class ErrorCollector {
    var messages: [String] = []

    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) } ?? "error"
        let file = error.pointee.file.map { String(cString: $0) } ?? "?"
        collector.messages.append(
            "\(file):\(error.pointee.line): \(message.trimmingTrailingNewlines)"
        )
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
