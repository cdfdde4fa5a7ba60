import InvoiceAPI

extension RowChecker {
    /// JSONL nesting → the same flat paths a CSV header uses.
    static func flatten(_ object: JSONObject, prefix: String, into flat: inout [(column: String, value: JSONValue)]) {
        for member in object.members {
            let path = prefix.isEmpty ? member.key : "\(prefix).\(member.key)"
            switch member.value {
            case .object(let inner) where !member.key.hasPrefix("#"):
                flatten(inner, prefix: path, into: &flat)
            case .array(let elements) where !member.key.hasPrefix("#") && !elements.isEmpty
                && elements.allSatisfy({ $0.objectValue != nil }):
                for (index, element) in elements.enumerated() {
                    flatten(element.objectValue!, prefix: "\(path)[\(index)]", into: &flat)
                }
            default:
                flat.append((path, member.value))
            }
        }
    }
}
