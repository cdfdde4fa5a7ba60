import InvoiceAPI

/// Assembles the nested JSON body of one row from its flat (path, value) cells: members in page order, custom
/// fields after them in column order, and item lists compacted in index order — a row that fills only the
/// `invoiceItems[1].*` columns of a three-item sheet sends one item (items are matched by `id`, not position).
/// Remembers which column each body path came from, so a rule broken deep in the body names the right cell.
struct RequestBodyBuilder {
    /// One value placed in the tree.
    private final class Node {
        var leaf: JSONValue?
        var members: [(name: String, node: Node)] = []
        var elements: [Int: Node] = [:]
        var column: String?

        func child(_ name: String) -> Node {
            if let existing = members.first(where: { $0.name == name }) { return existing.node }
            let node = Node()
            members.append((name, node))
            return node
        }
    }

    private let root = Node()
    private let schema: Schema?

    init(schema: Schema?) {
        self.schema = schema
    }

    /// Places `value` at `path`, remembering `column`.
    mutating func set(_ path: FieldPath, to value: JSONValue, column: String) {
        var node = root
        for segment in path.segments {
            switch segment {
            case .member(let name): node = node.child(name)
            case .index(let index):
                if let existing = node.elements[index] {
                    node = existing
                } else {
                    let element = Node()
                    node.elements[index] = element
                    node = element
                }
            }
        }
        node.leaf = value
        node.column = column
    }

    /// Whether nothing was placed.
    var isEmpty: Bool { root.members.isEmpty }

    /// The body, and the column behind each body path (`invoiceItems[0].id` → `invoiceItems[2].id` when compacted).
    func build() -> (body: JSONObject, columns: [String: String]) {
        var columns: [String: String] = [:]
        let body = object(root, schema: schema, prefix: "", columns: &columns)
        return (body, columns)
    }

    private func object(_ node: Node, schema: Schema?, prefix: String, columns: inout [String: String]) -> JSONObject {
        let ordered = node.members.enumerated().sorted { lhs, rhs in
            let left = schema?.position(of: lhs.element.name) ?? Int.max
            let right = schema?.position(of: rhs.element.name) ?? Int.max
            return left != right ? left < right : lhs.offset < rhs.offset
        }
        var members: [JSONObject.Member] = []
        members.reserveCapacity(ordered.count)
        for (_, member) in ordered {
            let path = prefix + member.name
            let spec = schema?.field(named: member.name)
            members.append(JSONObject.Member(key: member.name, value: value(member.node, spec: spec, path: path, columns: &columns)))
        }
        return JSONObject(members: members)
    }

    private func value(_ node: Node, spec: FieldSpec?, path: String, columns: inout [String: String]) -> JSONValue {
        if let leaf = node.leaf {
            if let column = node.column { columns[path] = column }
            return leaf
        }
        if !node.elements.isEmpty {
            var inner: Schema?
            if case .list(let itemSchema, _)? = spec?.kind { inner = itemSchema }
            let elements = node.elements.sorted { $0.key < $1.key }.enumerated().map { position, element in
                JSONValue.object(object(element.value, schema: inner, prefix: "\(path)[\(position)].", columns: &columns))
            }
            return .array(elements)
        }
        var inner: Schema?
        if case .object(let objectSchema)? = spec?.kind { inner = objectSchema }
        return .object(object(node, schema: inner, prefix: path + ".", columns: &columns))
    }
}
