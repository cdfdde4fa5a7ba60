import InvoiceAPI

/// A column name read as a path into a request body: `dueDate`, `error_data.message`,
/// `invoiceItems[0].discountItems[1].amount`. Spreadsheet columns are flat; the API's bodies are nested.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path.
    public enum Segment: Hashable, Sendable {
        case member(String)
        case index(Int)
    }

    public let segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Parses `a.b[0].c`; `nil` when the text is not a well-formed path (empty names, bad brackets).
    public init?(parsing text: String) {
        var segments: [Segment] = []
        var name = ""
        var iterator = Array(text).makeIterator()
        var pendingDot = false
        while let character = iterator.next() {
            switch character {
            case ".":
                if !name.isEmpty {
                    segments.append(.member(name))
                    name = ""
                } else if segments.isEmpty || pendingDot {
                    return nil
                }
                pendingDot = true
            case "[":
                if !name.isEmpty {
                    segments.append(.member(name))
                    name = ""
                }
                guard case .member? = segments.last else { return nil }
                var digits = ""
                while let next = iterator.next(), next != "]" { digits.append(next) }
                guard let index = Int(digits), index >= 0, digits.allSatisfy(\.isASCII), digits.count <= 7 else {
                    return nil
                }
                segments.append(.index(index))
                pendingDot = false
            case "]":
                return nil
            default:
                if name.isEmpty, case .index? = segments.last, !pendingDot { return nil }
                name.append(character)
                pendingDot = false
            }
        }
        if !name.isEmpty { segments.append(.member(name)) } else if pendingDot { return nil }
        guard !segments.isEmpty else { return nil }
        self.segments = segments
    }

    /// The path as written in a column header.
    public var description: String {
        var text = ""
        for segment in segments {
            switch segment {
            case .member(let name): text += text.isEmpty ? name : ".\(name)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Whether the path has more than one member (an item field or `error_data.*`).
    public var isNested: Bool { segments.count > 1 }
}
