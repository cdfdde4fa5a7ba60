import InvoiceAPI

/// A checked request, ready to send: one input row's operation on one invoice (or AppZen uuid).
///
/// Built only from a row that passed every offline rule, so the body holds documented fields only, typed as
/// the pages say, members in page order.
public struct InvoiceOperation: Sendable, Hashable {
    public let action: InvoiceAction
    /// The invoice ID or number (`uuid` for `appzen-sync`) as given in the row.
    public let key: String
    /// Query parameters, in schema order (`rejectUnknownFields`, `shouldIncludeAcknowledged`).
    public let query: [(name: String, value: String)]
    /// The JSON body; `nil` when the action sends none.
    public let body: JSONObject?

    public init(action: InvoiceAction, key: String, query: [(name: String, value: String)], body: JSONObject?) {
        self.action = action
        self.key = key
        self.query = query
        self.body = body
    }

    public static func == (lhs: InvoiceOperation, rhs: InvoiceOperation) -> Bool {
        lhs.action == rhs.action && lhs.key == rhs.key && lhs.body == rhs.body
            && lhs.query.map(\.name) == rhs.query.map(\.name) && lhs.query.map(\.value) == rhs.query.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(action)
        hasher.combine(key)
        hasher.combine(body)
    }

    /// `PUT` or `POST`.
    public var method: String { action.method }

    /// The path with its query string, e.g. `/v1/object/invoice/2c93…?rejectUnknownFields=true`.
    public var pathAndQuery: String {
        let path = action.path(key: key)
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\($0.name)=\(APIPath.encodeSegment($0.value))" }.joined(separator: "&")
    }

    /// The body as the UTF-8 JSON that will be sent (empty when there is no body).
    public var bodyBytes: [UInt8] {
        body.map { JSONWriter.bytes(.object($0)) } ?? []
    }

    /// Whether repeating this request after an unanswered attempt could change the outcome
    /// (`einvoice-cancel`, and an `object-update` that changes `Status`): such a request is read back first.
    public var isAmbiguousOnRetry: Bool {
        switch action {
        case .einvoiceCancel: true
        case .objectUpdate: body?["Status"] != nil
        default: false
        }
    }
}
