import Hummingbird
import InvoiceAPI

/// An answer other than success, thrown from anywhere in the sandbox and rendered in the shape of the API the
/// request was for (see `APIKind`), so no handler or middleware needs to know which API it serves.
struct ProviderError: Error, HTTPResponseError {
    enum Body: Sendable {
        /// A failure rendered per API: REST reasons (with `operation`'s code prefix), CRUD errors, AppZen's
        /// error body, an OAuth error, or a plain message.
        case failures([SandboxFailure], operation: Int)
        /// `{"message": …}` whatever the API (Zuora's 401 and the CRUD `rejectUnknownFields` 400).
        case message(String)
        /// RFC 6749 section 5.2: `{"error": …, "error_description": …}`.
        case oauth(error: String, description: String)
    }

    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: Body

    init(_ status: HTTPResponse.Status, headers: HTTPFields = [:], _ body: Body) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A failure answered with `status`.
    init(_ status: HTTPResponse.Status, operation: Int = OperationCode.general, _ failure: SandboxFailure) {
        self.init(status, .failures([failure], operation: operation))
    }

    /// Several failures answered at once with `status` (every rule a request breaks).
    init(_ status: HTTPResponse.Status, operation: Int = OperationCode.general, _ failures: [SandboxFailure]) {
        self.init(status, .failures(failures, operation: operation))
    }

    /// A failure answered with HTTP 200, as Zuora's REST and CRUD APIs answer business failures.
    init(operation: Int = OperationCode.general, _ failure: SandboxFailure) {
        self.init(.ok, .failures([failure], operation: operation))
    }

    /// Several failures answered with HTTP 200.
    init(operation: Int = OperationCode.general, _ failures: [SandboxFailure]) {
        self.init(.ok, .failures(failures, operation: operation))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let sandboxContext = context as? SandboxRequestContext
        var response: Response
        switch body {
        case .message(let message):
            response = .json(ProxyMessage(message: message), status: status)
        case .oauth(let error, let description):
            response = .json(OAuthError(error: error, errorDescription: description), status: status)
        case .failures(let failures, let operation):
            let message = failures.map(\.message).joined(separator: "; ")
            switch APIKind(path: request.uri.path) {
            case .rest:
                response = .json(
                    ZuoraCommonResponse(
                        success: false, processId: sandboxContext.map { _ in ProcessIDs.next() },
                        requestId: sandboxContext?.requestID, reasons: failures.map { $0.reason(operation: operation) }
                    ),
                    status: status
                )
            case .crud:
                response = .json(CRUDResponse(success: false, errors: failures.map(\.crudError)), status: status)
            case .appZen:
                response = .json(
                    AppZenErrorResponse(
                        timestamp: AppZenTimestamp.now(), status: Int(status.code), error: status.reasonPhrase,
                        message: "Error code : \(ProcessIDs.shortCode()) - \(message)"
                    ),
                    status: status
                )
            case .oauth:
                response = .json(OAuthError(error: "invalid_request", errorDescription: message), status: status)
            case .sandbox:
                response = .json(ProxyMessage(message: message), status: status)
            }
        }
        response.headers.append(contentsOf: headers)
        return response
    }
}

/// RFC 6749's error body, used by `POST /oauth/token`.
struct OAuthError: Codable, Sendable {
    var error: String
    var errorDescription: String

    enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
    }
}
