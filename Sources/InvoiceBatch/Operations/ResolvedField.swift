import InvoiceAPI

/// What a column means for one action: the documented field it sets (or a custom field), where it goes
/// (body or query string) and its canonical path (aliases replaced by the wire name).
public struct ResolvedField: Sendable {
    /// Where the value travels.
    public enum Location: Sendable, Hashable {
        case body
        case query
    }

    public let path: FieldPath
    /// `path` as text: the member name for a top-level field, the column-style path otherwise.
    public let name: String
    /// `nil` for a custom `Name__c` field (any scalar).
    public let spec: FieldSpec?
    /// The schema of the object that holds the field, for ordering members.
    public let location: Location

    init(path: FieldPath, spec: FieldSpec?, location: Location) {
        self.path = path
        self.name = path.description
        self.spec = spec
        self.location = location
    }

    /// Resolves `path` for `action`; `nil` when the action has no such field.
    public static func resolve(_ path: FieldPath, for action: InvoiceAction) -> ResolvedField? {
        if path.segments.count == 1, case .member(let name) = path.segments[0], let query = action.querySchema,
            let spec = query.field(named: name)
        {
            return ResolvedField(path: FieldPath(segments: [.member(spec.name)]), spec: spec, location: .query)
        }
        guard var schema = action.bodySchema else { return nil }
        var canonical: [FieldPath.Segment] = []
        var index = 0
        let segments = path.segments
        while index < segments.count {
            guard case .member(let name) = segments[index] else { return nil }
            let isLast = index == segments.count - 1
            guard let spec = schema.field(named: name) else {
                if isLast, schema.allowsCustomFields, Schema.isCustomFieldName(name) {
                    canonical.append(.member(name))
                    return ResolvedField(path: FieldPath(segments: canonical), spec: nil, location: .body)
                }
                return nil
            }
            canonical.append(.member(spec.name))
            switch spec.kind {
            case .list(let itemSchema, _):
                guard index + 2 < segments.count, case .index(let position) = segments[index + 1] else { return nil }
                canonical.append(.index(position))
                schema = itemSchema
                index += 2
            case .object(let objectSchema):
                guard !isLast else { return nil }
                schema = objectSchema
                index += 1
            default:
                guard isLast else { return nil }
                return ResolvedField(path: FieldPath(segments: canonical), spec: spec, location: .body)
            }
        }
        return nil
    }
}
