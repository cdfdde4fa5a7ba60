import InvoiceAPI

/// Reads a value at a rule's field path (`invoiceItems[0].discountItems[1].amount`) in a request body.
enum JSONPath {
    /// The value at `path` in `object`, or `nil` if any step is missing.
    static func value(at path: String, in object: JSONObject) -> JSONValue? {
        var current: JSONValue = .object(object)
        for step in path.split(separator: ".") {
            var name = Substring(step)
            var index: Int?
            if let open = step.firstIndex(of: "["), step.last == "]" {
                name = step[..<open]
                index = Int(step[step.index(after: open)..<step.index(before: step.endIndex)])
                if index == nil { return nil }
            }
            guard let member = current.objectValue?[String(name)] else { return nil }
            current = member
            if let index {
                guard let elements = current.arrayValue, elements.indices.contains(index) else { return nil }
                current = elements[index]
            }
        }
        return current
    }
}
