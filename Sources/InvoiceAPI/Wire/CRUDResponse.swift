/// The body of a Zuora CRUD (`/v1/object/…`) answer (the OpenAPI's `ProxyCreateOrModifyResponse`, plus the
/// `Errors` a failure carries). CRUD uses capitalised member names, unlike the v1 REST API.
public struct CRUDResponse: Codable, Sendable, Hashable {
    public var success: Bool
    /// The ID of the object created or changed.
    public var id: String?
    /// Present only when `success` is false.
    public var errors: [CRUDError]?

    public init(success: Bool, id: String? = nil, errors: [CRUDError]? = nil) {
        self.success = success
        self.id = id
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey {
        case success = "Success"
        case id = "Id"
        case errors = "Errors"
    }
}
