import InvoiceAPI

/// The changes applied to one invoice: how many, and the most recent ones in the order they were applied.
public struct InvoiceChangeLog: Sendable, Hashable {
    /// The most changes kept per invoice; `count` goes on counting past it.
    public static let retained = 100

    public var invoiceID: String
    public var invoiceNumber: String
    /// Every change applied since the start or the last reset.
    public var count: Int
    /// The last `retained` changes, oldest first.
    public var changes: [AppliedChange]

    public init(invoiceID: String, invoiceNumber: String, count: Int = 0, changes: [AppliedChange] = []) {
        self.invoiceID = invoiceID
        self.invoiceNumber = invoiceNumber
        self.count = count
        self.changes = changes
    }

    mutating func append(_ change: AppliedChange) {
        count += 1
        changes.append(change)
        if changes.count > InvoiceChangeLog.retained { changes.removeFirst(changes.count - InvoiceChangeLog.retained) }
    }

    var json: JSONObject {
        var object = JSONObject()
        object["id"] = .string(invoiceID)
        object["count"] = .number(String(count))
        object["changes"] = .array(changes.map { .object($0.json) })
        return object
    }
}
