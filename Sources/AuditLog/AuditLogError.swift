/// Why the audit log could not be written or checked. The run treats a log it cannot write as a failed output:
/// evidence that silently stopped part way would be worse than none.
public struct AuditLogError: Error, Sendable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "audit log \(path): \(message)" }
}
