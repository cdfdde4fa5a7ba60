/// The stable name of a rule, printed at the end of every diagnostic (`[date-format]`) so a user can look it up
/// and a script can count them. A struct over a string, so rules can grow without breaking callers.
public struct RuleName: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// Dates are ISO `yyyy-MM-dd` (also `yyyy-MM-dd HH:mm:ss`, UTC timestamps where the page says so).
    public static let dateFormat: RuleName = "date-format"
    /// `invoiceDate` and `dueDate` not both in one `update`.
    public static let dateExclusive: RuleName = "date-exclusive"
    /// At most 1,000 `invoiceItems`.
    public static let itemCount: RuleName = "item-count"
    /// At most 10 `discountItems` per item.
    public static let discountCount: RuleName = "discount-count"
    /// A discount item's `amount` is required and negative.
    public static let discountAmount: RuleName = "discount-amount"
    /// A value from a fixed set.
    public static let enumValue: RuleName = "enum"
    /// `RegenerateInvoicePDF=true` stands alone.
    public static let regeneratePDFAlone: RuleName = "regenerate-pdf-alone"
    /// `documentReferenceID` only with `reason` `01`.
    public static let documentReference: RuleName = "document-reference"
    /// `reason` `1`..`4` normalised to `01`..`04` (a warning).
    public static let reasonNormalised: RuleName = "reason-normalised"
    /// Custom fields are named `Name__c`.
    public static let customFieldName: RuleName = "custom-field-name"
    /// A documented character limit.
    public static let maxLength: RuleName = "max-length"
    /// `Zuora-Track-Id`: at most 64 US-ASCII characters, none of `: ; " '`.
    public static let trackID: RuleName = "track-id"
    /// A column or member that no operation documents.
    public static let unknownField: RuleName = "unknown-field"
    /// A column that exists, but not for this row's action.
    public static let fieldNotForAction: RuleName = "field-not-for-action"
    /// `true` / `false`.
    public static let boolean: RuleName = "boolean"
    /// A decimal number.
    public static let decimal: RuleName = "decimal"
    /// A value of the wrong JSON type.
    public static let valueType: RuleName = "value-type"
    /// A required field is missing.
    public static let required: RuleName = "required"
    /// The row names no invoice (or AppZen uuid).
    public static let missingKey: RuleName = "missing-key"
    /// The key cannot name an invoice (or uuid).
    public static let invalidKey: RuleName = "invalid-key"
    /// The row's `action` is missing or unknown.
    public static let unknownAction: RuleName = "unknown-action"
    /// Nested item indices must start at 0 without gaps.
    public static let itemIndex: RuleName = "item-index"
    /// A column appears twice in the header.
    public static let duplicateColumn: RuleName = "duplicate-column"
    /// A cell's surrounding spaces were removed (a warning).
    public static let whitespaceTrimmed: RuleName = "whitespace-trimmed"
    /// The row asks for nothing to change.
    public static let emptyChange: RuleName = "empty-change"
}
