public import InvoiceAPI

/// One invoice of the sandbox tenant, with everything the five operations read or change.
///
/// A plain value: the store keeps each one behind its own lock, hands out copies, and lets tests change one
/// "behind the client's back" with `InvoiceStore.modify(_:_:)`.
public struct SandboxInvoice: Sendable, Hashable {
    /// The invoice's own status (not the payment status).
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case draft = "Draft"
        case posted = "Posted"
        case canceled = "Canceled"
    }

    /// 32 lowercase hex digits.
    public let id: String
    /// `INV-` and 8 digits.
    public let number: String
    /// 32 lowercase hex digits, shared by several invoices.
    public let accountId: String
    /// The uuid AppZen knows this invoice by (shown as the custom field `AppZenUuid__c`).
    public let appZenUUID: String
    public var status: Status
    public var invoiceDate: CalendarDate
    public var dueDate: CalendarDate
    /// Decimal text, e.g. `1234.50`, emitted as a JSON number with exactly this text.
    public var amount: String
    /// Decimal text.
    public var balance: String
    public var autoPay: Bool
    public var comments: String?
    /// `Processing`, `Yes`, `Error`, `Ignore` or (as seeded) `No`.
    public var transferredToAccounting: String
    public var templateId: String?
    public var currency: String
    public var einvoiceStatus: EInvoiceStatus
    /// `IntegrationId__NS`, `IntegrationStatus__NS`, `SyncDate__NS` (null until set).
    public var netSuiteFields: JSONObject
    /// Custom `*__c` fields, including `AppZenUuid__c`.
    public var customFields: JSONObject
    public var items: [SandboxInvoiceItem]
    /// How many times `RegenerateInvoicePDF=true` was applied (the CRUD page allows 100).
    public var regeneratedPDFCount: Int
    /// The last AppZen status-sync body accepted for this invoice, if any.
    public var appZenStatus: JSONObject?
    /// When an accepted e-invoice sync completes (the "background polling process"); `nil` when none is pending.
    var einvoiceSyncCompletesAt: ContinuousClock.Instant?

    public init(
        id: String, number: String, accountId: String, appZenUUID: String, status: Status,
        invoiceDate: CalendarDate, dueDate: CalendarDate, amount: String, balance: String, autoPay: Bool,
        comments: String?, transferredToAccounting: String, templateId: String?, currency: String,
        einvoiceStatus: EInvoiceStatus, netSuiteFields: JSONObject, customFields: JSONObject,
        items: [SandboxInvoiceItem], regeneratedPDFCount: Int = 0, appZenStatus: JSONObject? = nil
    ) {
        self.id = id
        self.number = number
        self.accountId = accountId
        self.appZenUUID = appZenUUID
        self.status = status
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.amount = amount
        self.balance = balance
        self.autoPay = autoPay
        self.comments = comments
        self.transferredToAccounting = transferredToAccounting
        self.templateId = templateId
        self.currency = currency
        self.einvoiceStatus = einvoiceStatus
        self.netSuiteFields = netSuiteFields
        self.customFields = customFields
        self.items = items
        self.regeneratedPDFCount = regeneratedPDFCount
        self.appZenStatus = appZenStatus
        self.einvoiceSyncCompletesAt = nil
    }

    /// Whether an e-invoice sync was accepted and has not completed yet.
    public var hasPendingEInvoiceSync: Bool { einvoiceSyncCompletesAt != nil }

    /// Runs the e-invoice sync's background step if its time has come: the provider's answer is always
    /// "accepted", so the status becomes `Success`. Evaluated whenever the invoice is read or changed, which a
    /// client cannot tell from a timer, and leaves no task behind at shutdown.
    mutating func settle(now: ContinuousClock.Instant) {
        if let due = einvoiceSyncCompletesAt, due <= now {
            einvoiceStatus = .success
            einvoiceSyncCompletesAt = nil
        }
    }
}
