/// How a field is typed on the wire, as the provider's page documents it.
///
/// Spreadsheet cells are strings; this is what turns them into the JSON the API expects, and what both the
/// client (before sending) and the sandbox (on receipt) check a value against.
public indirect enum FieldKind: Sendable {
    /// A JSON string.
    case text
    /// A JSON string that holds a decimal number (the update page types `amount`, `quantity` and `unitPrice`
    /// as String: the amount is sent as text, never through binary floating point).
    case decimal
    /// JSON `true` / `false`.
    case boolean
    /// A JSON string `yyyy-MM-dd` naming a real calendar date.
    case date
    /// A JSON string `yyyy-MM-dd HH:mm:ss` (the page's format for `chargeDate`).
    case dateTime
    /// A JSON string `yyyy-MM-ddTHH:mm:ss[.fff]Z`: an instant in UTC (AppZen's `timestamp`).
    case utcTimestamp
    /// A JSON string from a fixed, case-sensitive set.
    case oneOf([String])
    /// A JSON array of objects of one schema, with at most `maxItems` elements.
    case list(Schema, maxItems: Int)
    /// A nested JSON object.
    case object(Schema)

    /// A short description for messages and `template`.
    public var summary: String {
        switch self {
        case .text: "text"
        case .decimal: "decimal number"
        case .boolean: "true or false"
        case .date: "date yyyy-MM-dd"
        case .dateTime: "date-time yyyy-MM-dd HH:mm:ss"
        case .utcTimestamp: "UTC timestamp yyyy-MM-ddTHH:mm:ssZ"
        case .oneOf(let values): "one of " + values.joined(separator: ", ")
        case .list(_, let maxItems): "list of at most \(maxItems)"
        case .object: "object"
        }
    }
}
