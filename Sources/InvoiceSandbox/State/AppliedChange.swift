public import InvoiceAPI

/// One change the sandbox applied to an invoice, as `reconcile` and tests check it: which operation, the
/// fields it set (the request body as applied; unknown fields a CRUD call ignored are left out), and the IDs
/// that tie it to a client's request.
public struct AppliedChange: Sendable, Hashable {
    public var action: InvoiceAction
    public var fields: JSONObject
    /// The `Zuora-Request-Id` answered (AppZen requests get one too, for the statistics only).
    public var requestID: String
    /// The `Zuora-Track-Id` the client sent, if any.
    public var trackID: String?

    public init(action: InvoiceAction, fields: JSONObject, requestID: String, trackID: String?) {
        self.action = action
        self.fields = fields
        self.requestID = requestID
        self.trackID = trackID
    }

    var json: JSONObject {
        var object = JSONObject()
        object["action"] = .string(action.rawValue)
        object["fields"] = .object(fields)
        object["requestId"] = .string(requestID)
        object["trackId"] = trackID.map(JSONValue.string) ?? .null
        return object
    }
}
