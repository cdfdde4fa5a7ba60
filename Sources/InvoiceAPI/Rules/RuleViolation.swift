/// One broken rule in a request: where (the field path, which is also the CSV column name), which rule, and a
/// message that says what is wrong and how to fix it. The client turns it into a diagnostic; the sandbox into the
/// provider's error response.
public struct RuleViolation: Sendable, Hashable, CustomStringConvertible {
    /// The field path, e.g. `dueDate` or `invoiceItems[0].discountItems[1].amount`.
    public var path: String
    public var rule: RuleName
    public var message: String

    public init(path: String, rule: RuleName, message: String) {
        self.path = path
        self.rule = rule
        self.message = message
    }

    public var description: String { "\(path): \(message) [\(rule)]" }
}
