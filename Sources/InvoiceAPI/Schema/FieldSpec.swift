/// One documented field of a request: its exact wire name, type and limits.
/// A class: specs are shared by every row that uses them, and passing one around should cost one retain.
public final class FieldSpec: Sendable {
    /// The exact JSON member name (or query parameter name).
    public let name: String
    /// How the value is typed on the wire.
    public let kind: FieldKind
    /// The documented character limit, if any.
    public let maxLength: Int?
    /// Whether the page marks the field required.
    public let isRequired: Bool
    /// Other column names accepted for this field (the AppZen page's hyphenated names).
    public let aliases: [String]

    public init(_ name: String, _ kind: FieldKind, maxLength: Int? = nil, required: Bool = false, aliases: [String] = []) {
        self.name = name
        self.kind = kind
        self.maxLength = maxLength
        self.isRequired = required
        self.aliases = aliases
    }
}
