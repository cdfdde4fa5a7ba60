/// A Zuora REST error code: 8 digits whose last two are the category (`…40` not found, `…50` lock contention).
///
/// The category decides whether a failure is worth retrying, so it is parsed in one place for the client and
/// produced in one place by the sandbox.
public struct ZuoraErrorCode: Sendable, Hashable, CustomStringConvertible {
    /// The 8-digit code as sent, e.g. `53100040`.
    public let rawValue: String

    /// `nil` unless `rawValue` is exactly 8 ASCII digits.
    public init?(_ rawValue: String) {
        guard rawValue.utf8.count == 8, rawValue.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        self.rawValue = rawValue
    }

    /// A code for `object` (a 6-digit object-and-operation prefix) and `category`.
    public init(object: Int, category: Category) {
        let prefix = String(object % 1_000_000)
        self.rawValue = String(repeating: "0", count: 6 - prefix.count) + prefix + category.digits
    }

    public var description: String { rawValue }

    /// The last two digits.
    public var category: Category { Category(digits: String(rawValue.suffix(2))) }

    /// Zuora's documented error categories (the last two digits of a REST error code).
    public struct Category: Sendable, Hashable {
        public let digits: String

        public init(digits: String) { self.digits = digits }

        public static let permissionDenied = Category(digits: "10")
        public static let authenticationFailed = Category(digits: "11")
        public static let invalidValue = Category(digits: "20")
        public static let unknownField = Category(digits: "21")
        public static let missingRequiredField = Category(digits: "22")
        public static let missingRequiredParameter = Category(digits: "23")
        public static let ruleRestriction = Category(digits: "30")
        public static let notFound = Category(digits: "40")
        public static let unsupportedRequest = Category(digits: "45")
        public static let lockContention = Category(digits: "50")
        public static let internalError = Category(digits: "60")
        public static let temporaryError = Category(digits: "61")
        public static let concurrencyLimit = Category(digits: "70")
        public static let malformedRequest = Category(digits: "90")
        public static let externalIntegration = Category(digits: "99")

        /// Whether a request that failed with this category may succeed if sent again unchanged:
        /// lock contention, temporary error, concurrency limit, external integration (DESIGN, "Retries").
        public var isTransient: Bool {
            [Category.lockContention, .temporaryError, .concurrencyLimit, .externalIntegration].contains(self)
        }
    }

    /// CRUD (`/v1/object/…`) error codes that mean "try again".
    public static let transientCRUDCodes: Set<String> = ["LOCK_COMPETITION", "TEMPORARY_ERROR", "REQUEST_EXCEEDED_LIMIT"]
}
