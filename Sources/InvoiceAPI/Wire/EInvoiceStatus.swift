/// The status of an invoice's e-invoice file (`einvoiceStatus` on `GET /v1/invoices/{invoiceKey}`).
///
/// Parsed leniently, because the provider spells states differently in different places: the OpenAPI enum
/// says `RetrieveTimeOut`, the sync-status page `RetrieveTimeout`; the state after a cancellation is written
/// both `Canceled` and `Cancelled`; any letter case is accepted.
///
/// What we emit (`rawValue`): the OpenAPI enum's spelling, since that is the machine-readable contract of the
/// field a client decodes (`RetrieveTimeOut`), and for the state the enum lacks, Zuora's own spelling of the
/// same word everywhere else in these APIs (`Canceled`, as in invoice status `Canceled`).
public enum EInvoiceStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case processing = "Processing"
    case retrieveTimeout = "RetrieveTimeOut"
    case generated = "Generated"
    case success = "Success"
    case failed = "Failed"
    case conditionalSuccess = "ConditionalSuccess"
    case approvedByAuthority = "ApprovedByAuthority"
    case rejected = "Rejected"
    case canceled = "Canceled"

    /// The state `text` names, in any documented spelling and any case; `nil` if none.
    public init?(lenient text: String) {
        let key = text.trimmingSpaces().lowercased()
        switch key {
        case "cancelled": self = .canceled
        default:
            guard let match = EInvoiceStatus.allCases.first(where: { $0.rawValue.lowercased() == key }) else {
                return nil
            }
            self = match
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let status = EInvoiceStatus(lenient: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an e-invoice status"
            )
        }
        self = status
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The states from which `PUT …/e-invoice/sync-status` is accepted (the sync-status page's note).
    public static let syncable: Set<EInvoiceStatus> = [.processing, .approvedByAuthority, .retrieveTimeout, .failed]

    /// Whether `PUT …/e-invoice/sync-status` is accepted in this state.
    public var isSyncable: Bool { EInvoiceStatus.syncable.contains(self) }
}
