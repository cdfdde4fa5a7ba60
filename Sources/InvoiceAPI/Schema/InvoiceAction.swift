/// The five operations a batch row can ask for, each one request to one provider.
public enum InvoiceAction: String, Sendable, CaseIterable, Hashable {
    case update
    case objectUpdate = "object-update"
    case einvoiceSync = "einvoice-sync"
    case einvoiceCancel = "einvoice-cancel"
    case appzenSync = "appzen-sync"

    /// Which API serves the action.
    public enum Provider: String, Sendable {
        case zuora
        case appzen
    }

    public var provider: Provider {
        self == .appzenSync ? .appzen : .zuora
    }

    /// The HTTP method.
    public var method: String {
        self == .appzenSync ? "POST" : "PUT"
    }

    /// The column (or JSONL member) that names the target: `invoiceKey`, or `uuid` for AppZen.
    public var keyColumn: String {
        self == .appzenSync ? "uuid" : "invoiceKey"
    }

    /// The request body's schema; `nil` when the request has no body.
    public var bodySchema: Schema? {
        switch self {
        case .update: RequestSchemas.updateInvoice
        case .objectUpdate: RequestSchemas.objectUpdateInvoice
        case .einvoiceSync: nil
        case .einvoiceCancel: RequestSchemas.cancelEInvoice
        case .appzenSync: RequestSchemas.appZenStatusSync
        }
    }

    /// Whether the request carries a JSON body (all but `einvoice-sync`).
    public var hasBody: Bool { self != .einvoiceSync }

    /// The query parameters the action takes.
    public var querySchema: Schema? {
        switch self {
        case .objectUpdate: RequestSchemas.objectUpdateQuery
        case .einvoiceSync: RequestSchemas.einvoiceSyncQuery
        default: nil
        }
    }

    /// The request path (without query) for `key`, percent-encoded.
    public func path(key: String) -> String {
        let key = APIPath.encodeSegment(key)
        return switch self {
        case .update: "/v1/invoices/\(key)"
        case .objectUpdate: "/v1/object/invoice/\(key)"
        case .einvoiceSync: "/v1/invoices/\(key)/e-invoice/sync-status"
        case .einvoiceCancel: "/v1/invoices/\(key)/e-invoice/cancel"
        case .appzenSync: "/dictionary-data-services/invoice/\(key)/status-sync"
        }
    }

    /// Whether repeating the request after an unanswered attempt could do harm (DESIGN: "Ambiguous outcomes").
    /// `object-update` is ambiguous only when it changes `Status`; callers check that.
    public var isNaturallyRepeatable: Bool {
        self != .einvoiceCancel
    }
}
