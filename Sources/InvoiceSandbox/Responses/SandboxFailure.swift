import InvoiceAPI

/// A failure to report in the provider's own shape, independent of which API reports it: the Zuora error
/// category (the last two digits of a REST code), the CRUD code, and a message that says what was wrong.
struct SandboxFailure: Sendable, Hashable, Error {
    var category: ZuoraErrorCode.Category
    /// The CRUD API's code for the same failure (`INVALID_VALUE`, `LOCK_COMPETITION`, …).
    var crudCode: String
    var message: String

    init(_ category: ZuoraErrorCode.Category, crudCode: String? = nil, _ message: String) {
        self.category = category
        self.crudCode = crudCode ?? SandboxFailure.crudCode(for: category)
        self.message = message
    }

    /// The REST reason for an operation whose 6-digit code prefix is `operation`.
    func reason(operation: Int) -> ZuoraReason {
        ZuoraReason(code: ZuoraErrorCode(object: operation, category: category).rawValue, message: message)
    }

    var crudError: CRUDError { CRUDError(code: crudCode, message: message) }

    static func crudCode(for category: ZuoraErrorCode.Category) -> String {
        switch category {
        case .notFound: "INVALID_ID"
        case .lockContention: "LOCK_COMPETITION"
        case .temporaryError: "TEMPORARY_ERROR"
        case .concurrencyLimit: "REQUEST_EXCEEDED_LIMIT"
        case .missingRequiredField: "MISSING_REQUIRED_VALUE"
        case .unknownField: "INVALID_FIELD"
        default: "INVALID_VALUE"
        }
    }
}
