import Synchronization

/// The tenant's invoices, each behind its own lock, found by ID, number or AppZen uuid.
///
/// One lock per invoice, not one for the store: requests for different invoices never wait for each other,
/// which is what lets a client's concurrency show up as throughput. IDs, numbers and uuids never change, so
/// the indexes are immutable and read without locking.
public final class InvoiceStore: Sendable {
    /// One invoice: its seed (for `reset()`), its current state, and how many changes to it are in flight.
    final class Slot: Sendable {
        let seed: SandboxInvoice
        private let state: Mutex<SandboxInvoice>
        private let changesInFlight = Mutex(0)

        init(_ invoice: SandboxInvoice) {
            self.seed = invoice
            self.state = Mutex(invoice)
        }

        /// Runs `body` on the invoice under its lock, after letting any due background step happen.
        func withLock<T: Sendable, E: Error>(_ body: (inout SandboxInvoice) throws(E) -> T) throws(E) -> T {
            try state.withLock { (invoice: inout SandboxInvoice) throws(E) -> T in
                invoice.settle(now: .now)
                return try body(&invoice)
            }
        }

        /// Marks a change as in flight; `false` (and nothing marked) if another one already is.
        func beginChange() -> Bool {
            changesInFlight.withLock { count in
                guard count == 0 else { return false }
                count = 1
                return true
            }
        }

        func endChange() {
            changesInFlight.withLock { $0 = 0 }
        }

        func restoreSeed() {
            state.withLock { $0 = seed }
        }
    }

    private let slots: [Slot]
    private let byID: [String: Int]
    private let byNumber: [String: Int]
    private let byAppZenUUID: [String: Int]

    init(invoices: [SandboxInvoice]) {
        self.slots = invoices.map(Slot.init)
        var byID: [String: Int] = [:]
        var byNumber: [String: Int] = [:]
        var byAppZenUUID: [String: Int] = [:]
        for (index, invoice) in invoices.enumerated() {
            byID[invoice.id] = index
            byNumber[invoice.number] = index
            byAppZenUUID[invoice.appZenUUID] = index
        }
        self.byID = byID
        self.byNumber = byNumber
        self.byAppZenUUID = byAppZenUUID
    }

    /// How many invoices the tenant holds.
    public var count: Int { slots.count }

    /// A copy of the invoice whose ID or number is `key`.
    public func invoice(_ key: String) -> SandboxInvoice? {
        slot(forKey: key)?.withLock { $0 }
    }

    /// A copy of the invoice AppZen knows as `uuid`.
    public func invoice(appZenUUID uuid: String) -> SandboxInvoice? {
        byAppZenUUID[uuid].map { slots[$0].withLock { $0 } }
    }

    /// Copies of every invoice, in number order.
    public var invoices: [SandboxInvoice] {
        slots.map { $0.withLock { $0 } }
    }

    /// Changes the invoice whose ID or number is `key` directly, as another user of the tenant would behind
    /// a client's back; `nil` if there is no such invoice. Not recorded in the statistics.
    @discardableResult
    public func modify<T: Sendable, E: Error>(_ key: String, _ change: (inout SandboxInvoice) throws(E) -> T) throws(E) -> T? {
        guard let slot = slot(forKey: key) else { return nil }
        return try slot.withLock(change)
    }

    /// Puts every invoice back to its seeded state.
    public func reset() {
        for slot in slots { slot.restoreSeed() }
    }

    /// The slot of the invoice whose ID or number is `key`.
    func slot(forKey key: String) -> Slot? {
        if let index = byID[key] ?? byNumber[key] { return slots[index] }
        return nil
    }

    /// The slot of the invoice whose ID (not number) is `id`.
    func slot(forID id: String) -> Slot? {
        byID[id].map { slots[$0] }
    }

    /// The slot of the invoice AppZen knows as `uuid`.
    func slot(forAppZenUUID uuid: String) -> Slot? {
        byAppZenUUID[uuid].map { slots[$0] }
    }
}
