/// The documented members of one JSON object of a request, in the order the page lists them.
public struct Schema: Sendable {
    /// The documented fields, in page order (which is also the order members are sent in).
    public let fields: [FieldSpec]
    /// Whether custom fields (`Name__c`) are allowed besides the documented ones.
    public let allowsCustomFields: Bool
    private let index: [String: Int]

    public init(_ fields: [FieldSpec], allowsCustomFields: Bool = false) {
        self.fields = fields
        self.allowsCustomFields = allowsCustomFields
        var index: [String: Int] = [:]
        for (position, field) in fields.enumerated() {
            index[field.name] = position
            for alias in field.aliases { index[alias] = position }
        }
        self.index = index
    }

    /// The field named `name` (or one of its aliases).
    public func field(named name: String) -> FieldSpec? {
        index[name].map { fields[$0] }
    }

    /// The page position of a field, used to order members deterministically.
    public func position(of name: String) -> Int? {
        index[name]
    }

    /// Whether `name` has the form of a custom field, `Name__c`: a letter, then letters, digits or `_`, ending `__c`.
    public static func isCustomFieldName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count > 3, bytes.suffix(3).elementsEqual("__c".utf8) else { return false }
        let stem = bytes.dropLast(3)
        guard let first = stem.first, isLetter(first) else { return false }
        return stem.allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "_") }
    }

    /// Whether `name` ends like a custom field (`__c` or `_c`, any case), even if malformed; used to give the
    /// right message for `Region_c` or `region__C`.
    public static func looksLikeCustomField(_ name: String) -> Bool {
        name.lowercased().hasSuffix("_c")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
