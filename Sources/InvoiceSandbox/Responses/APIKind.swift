/// Which provider API a path belongs to, because each answers errors in its own shape.
enum APIKind: Sendable {
    /// Zuora v1 REST: `{success:false, reasons:[{code, message}]}`.
    case rest
    /// Zuora CRUD (`/v1/object/…`): `{Success:false, Errors:[{Code, Message}]}`.
    case crud
    /// `POST /oauth/token`: RFC 6749 `{error, error_description}`.
    case oauth
    /// AppZen: `{timestamp, status, error, message: "Error code : <hex> - …"}`.
    case appZen
    /// The sandbox's own routes: `{message}`.
    case sandbox

    init(path: String) {
        if path.hasPrefix("/v1/object/") {
            self = .crud
        } else if path.hasPrefix("/v1/") {
            self = .rest
        } else if path.hasPrefix("/oauth/") {
            self = .oauth
        } else if path.hasPrefix("/dictionary-data-services/") {
            self = .appZen
        } else {
            self = .sandbox
        }
    }

    /// Whether Zuora's headers (`Zuora-Request-Id`, the echoed `Zuora-Track-Id`) belong on the answer.
    var isZuora: Bool {
        switch self {
        case .rest, .crud, .oauth, .sandbox: true
        case .appZen: false
        }
    }
}
