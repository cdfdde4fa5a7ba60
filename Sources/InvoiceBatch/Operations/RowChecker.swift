import InvoiceAPI

/// Turns records into checked rows: reads the header once (roles of columns, unknown columns with a
/// "did you mean"), then gives each record its action, key, typed body and every offline rule's verdict.
///
/// Not `Sendable`: it caches column roles for JSONL member names and is used by the one task that reads input.
public final class RowChecker {
    /// Problems with the header itself (line 1); they do not stop the row checks.
    public private(set) var headerDiagnostics: [Diagnostic] = []

    private let defaultAction: InvoiceAction?
    private let header: [String]
    private let roles: [ColumnRole]
    private var jsonRoles: [String: ColumnRole] = [:]

    /// - Parameters:
    ///   - header: the CSV header; `nil` for JSONL (each object names its own members).
    ///   - defaultAction: `--action`, used when a row has no `action`.
    public init(header: [String]?, defaultAction: InvoiceAction?) {
        self.defaultAction = defaultAction
        self.header = header ?? []
        self.roles = self.header.map(ColumnRole.classify)
        if let header { checkHeader(header) }
    }

    private func checkHeader(_ header: [String]) {
        var seen: Set<String> = []
        for (index, name) in header.enumerated() {
            if !seen.insert(name).inserted, !name.isEmpty {
                headerDiagnostics.append(
                    Diagnostic(
                        .error, row: nil, line: 1, column: name, rule: .duplicateColumn,
                        message: "column '\(name)' appears more than once (columns \(index + 1) and "
                            + "\((header.firstIndex(of: name) ?? 0) + 1)); keep one"
                    )
                )
            }
            if case .unknown(let suggestion) = roles[index] {
                headerDiagnostics.append(Self.unknownColumn(name, suggestion: suggestion, row: nil, line: 1))
            }
        }
        if !header.contains("action"), defaultAction == nil {
            headerDiagnostics.append(
                Diagnostic(
                    .error, row: nil, line: 1, column: nil, rule: .unknownAction,
                    message: "no 'action' column and no --action: add the column or pass --action "
                        + InvoiceAction.allCases.map(\.rawValue).joined(separator: "|")
                )
            )
        }
    }

    static func unknownColumn(_ name: String, suggestion: String?, row: Int?, line: Int) -> Diagnostic {
        var message: String
        if name.isEmpty {
            message = "a column has no name; name it, or start it with '#' to keep it as a note"
        } else if Schema.looksLikeCustomField(name) {
            message = "'\(name)' is not a custom field name: use Name__c (a letter, then letters, digits or "
                + "underscores, ending in __c, case-sensitive)"
        } else {
            message = "unknown column '\(name)'"
            if let suggestion { message += " (did you mean '\(suggestion)'?)" }
            message += "; start it with '#' to keep it as a note"
        }
        let rule: RuleName = Schema.looksLikeCustomField(name) && !name.isEmpty ? .customFieldName : .unknownField
        return Diagnostic(.error, row: row, line: line, column: name.isEmpty ? nil : name, rule: rule, message: message)
    }

    /// Checks one record.
    public func check(_ record: SourceRecord) -> CheckedRow {
        switch record.content {
        case .cells(let cells):
            var pairs: [(column: String, role: ColumnRole, value: JSONValue)] = []
            pairs.reserveCapacity(cells.count)
            for (index, cell) in cells.enumerated() where index < roles.count {
                pairs.append((header[index], roles[index], .string(cell)))
            }
            return check(record, pairs: pairs, unreadable: nil)
        case .object(let object, _):
            var flat: [(column: String, value: JSONValue)] = []
            Self.flatten(object, prefix: "", into: &flat)
            let pairs = flat.map { (column: $0.column, role: jsonRole($0.column), value: $0.value) }
            return check(record, pairs: pairs, unreadable: nil)
        case .malformed(let problem, let cells, _):
            var pairs: [(column: String, role: ColumnRole, value: JSONValue)] = []
            for (index, cell) in cells.enumerated() where index < roles.count {
                pairs.append((header[index], roles[index], .string(cell)))
            }
            return check(record, pairs: pairs, unreadable: problem)
        }
    }

    private func jsonRole(_ name: String) -> ColumnRole {
        if let role = jsonRoles[name] { return role }
        let role = ColumnRole.classify(name)
        if jsonRoles.count < 100_000 { jsonRoles[name] = role }
        return role
    }

    /// JSONL nesting → the same flat paths a CSV header uses.
    static func flatten(_ object: JSONObject, prefix: String, into flat: inout [(column: String, value: JSONValue)]) {
        for member in object.members {
            let path = prefix.isEmpty ? member.key : "\(prefix).\(member.key)"
            switch member.value {
            case .object(let inner) where !member.key.hasPrefix("#"):
                flatten(inner, prefix: path, into: &flat)
            case .array(let elements) where !member.key.hasPrefix("#") && elements.allSatisfy({ $0.objectValue != nil }):
                for (index, element) in elements.enumerated() {
                    flatten(element.objectValue!, prefix: "\(path)[\(index)]", into: &flat)
                }
            default:
                flat.append((path, member.value))
            }
        }
    }

    private func check(
        _ record: SourceRecord, pairs: [(column: String, role: ColumnRole, value: JSONValue)], unreadable: InputProblem?
    ) -> CheckedRow {
        var diagnostics: [Diagnostic] = []
        func report(_ severity: Diagnostic.Severity, _ column: String?, _ rule: RuleName, _ message: String) {
            diagnostics.append(
                Diagnostic(severity, row: record.row, line: record.line, column: column, rule: rule, message: message)
            )
        }
        if let unreadable { report(.error, nil, RuleName(rawValue: unreadable.rule), unreadable.message) }

        // Who the row is, and what it asks for.
        var actionText: String?
        var keys: [String: String] = [:]
        var rowID: String?
        var trackID: String?
        var sourceRow = record.row
        var notes: [(name: String, value: String)] = []
        for pair in pairs {
            switch pair.role {
            case .action: actionText = Self.text(pair.value)
            case .key(let name): keys[name] = Self.text(pair.value)
            case .rowID: rowID = Self.text(pair.value)
            case .trackID: trackID = Self.text(pair.value)
            case .sourceRow:
                if let text = Self.text(pair.value) {
                    if let number = Int(text.trimmingSpaces()), number > 0 {
                        sourceRow = number
                    } else {
                        report(.error, pair.column, .valueType, "'\(text)' is not a row number (keep '#sourceRow' as the failures file wrote it)")
                    }
                }
                notes.append((pair.column, Self.text(pair.value) ?? ""))
            case .note: notes.append((pair.column, Self.text(pair.value) ?? Self.json(pair.value)))
            case .field, .unknown: break
            }
        }
        var action: InvoiceAction? = defaultAction
        if let actionText = actionText?.trimmingSpaces(), !actionText.isEmpty {
            action = InvoiceAction(rawValue: actionText)
            if action == nil {
                var message = "'\(actionText)' is not an action: use one of "
                    + InvoiceAction.allCases.map(\.rawValue).joined(separator: ", ")
                if let suggestion = NameSuggestion.closest(to: actionText, among: InvoiceAction.allCases.map(\.rawValue)) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                report(.error, "action", .unknownAction, message)
            }
        } else if action == nil {
            report(.error, "action", .unknownAction, "the row has no action: fill the 'action' cell or pass --action")
        }

        var key: String?
        if let action {
            key = keys[action.keyColumn]?.trimmingSpaces()
            if let problem = Self.keyProblem(key, action: action) {
                report(.error, action.keyColumn, problem.rule, problem.message)
                key = key?.isEmpty == true ? nil : key
            }
        } else {
            key = keys["invoiceKey"] ?? keys["uuid"]
        }
        if let trackID, !trackID.isEmpty, let problem = TrackID.problem(trackID) {
            report(.error, "trackId", .trackID, problem)
        }

        // The request: each field cell typed and placed.
        var body = RequestBodyBuilder(schema: action?.bodySchema)
        var query: JSONObject?
        var queryColumns: [String: String] = [:]
        for pair in pairs {
            switch pair.role {
            case .field(_, let resolved):
                guard let action else { continue }
                guard let field = resolved[action] else {
                    guard Self.isGiven(pair.value) else { continue }
                    let owners = InvoiceAction.allCases.filter { resolved[$0] != nil }.map(\.rawValue)
                    report(
                        .error, pair.column, .fieldNotForAction,
                        "'\(pair.column)' is not a field of \(action.rawValue) (it belongs to "
                            + owners.joined(separator: ", ") + "); leave the cell empty on \(action.rawValue) rows"
                    )
                    continue
                }
                let isReason = action == .einvoiceCancel && field.spec?.name == "reason"
                switch ValueCoercion.coerce(pair.value, spec: field.spec, isCancelReason: isReason) {
                case .absent:
                    continue
                case .problem(let rule, let message):
                    report(.error, pair.column, rule, message)
                case .value(let value, let repair):
                    if let repair { report(.warning, pair.column, repair.rule, repair.message) }
                    switch field.location {
                    case .body: body.set(field.path, to: value, column: pair.column)
                    case .query:
                        if query == nil { query = JSONObject() }
                        query?[field.path.description] = value
                        queryColumns[field.path.description] = pair.column
                    }
                }
            case .unknown(let suggestion):
                if Self.isGiven(pair.value) {
                    var diagnostic = Self.unknownColumn(pair.column, suggestion: suggestion, row: record.row, line: record.line)
                    if !header.isEmpty { diagnostic.message += " — the cell cannot be sent" }
                    diagnostics.append(diagnostic)
                }
            default:
                break
            }
        }

        // The rules that look at the whole request.
        var operation: InvoiceOperation?
        if let action {
            let built = body.build()
            let hasBody = action.bodySchema != nil
            for violation in RequestRules.check(action, body: hasBody ? built.body : nil, query: query) {
                let column = built.columns[violation.path] ?? queryColumns[violation.path]
                    ?? Self.translate(violation.path, columns: built.columns)
                report(.error, column, violation.rule, violation.message)
            }
            if hasBody, built.body.isEmpty, action == .update || action == .objectUpdate {
                report(.error, nil, .emptyChange, "the row changes nothing: fill at least one field of \(action.rawValue)")
            }
            if !diagnostics.contains(where: { $0.severity == .error }), let key {
                let queryItems = (query?.members ?? []).map { (name: $0.key, value: Self.queryText($0.value)) }
                operation = InvoiceOperation(action: action, key: key, query: queryItems, body: hasBody ? built.body : nil)
            }
        }
        return CheckedRow(
            record: record, sourceRow: sourceRow, rowID: rowID, action: action, key: key,
            trackID: trackID?.isEmpty == true ? nil : trackID, notes: notes, operation: operation,
            diagnostics: diagnostics
        )
    }

    /// Why `key` cannot name the target of `action`, if it cannot.
    static func keyProblem(_ key: String?, action: InvoiceAction) -> (rule: RuleName, message: String)? {
        guard let key, !key.isEmpty else {
            let what = action == .appzenSync ? "the AppZen invoice uuid" : "the invoice ID or number"
            return (.missingKey, "\(action.rawValue) needs '\(action.keyColumn)': \(what)")
        }
        if key.utf8.count > 64 || key.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") }) {
            return (.invalidKey, "'\(key)' cannot name an invoice: no spaces, slashes or control characters, at most 64 characters")
        }
        if action == .appzenSync, !isUUID(key) {
            return (.invalidKey, "'\(key)' is not a uuid like 75823296-4af2-4475-aafd-461c60c284e7")
        }
        return nil
    }

    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !((0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)) {
                return false
            }
        }
        return true
    }

    /// A body path the builder did not place (a required member that is missing): name the column of its parent
    /// item, translated back to the spreadsheet's own item numbering.
    static func translate(_ path: String, columns: [String: String]) -> String {
        guard let bracket = path.lastIndex(of: "]") else { return path }
        let parent = String(path[...bracket]) + "."
        for (builtPath, column) in columns where builtPath.hasPrefix(parent) {
            let suffix = builtPath.dropFirst(parent.count)
            if column.hasSuffix(suffix) {
                return String(column.dropLast(suffix.count)) + path.dropFirst(parent.count)
            }
        }
        return path
    }

    static func isGiven(_ value: JSONValue) -> Bool {
        if case .string(let text) = value { return !text.isEmpty }
        return true
    }

    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text.isEmpty ? nil : text
        case .number(let literal): literal
        case .bool(let flag): flag ? "true" : "false"
        case .null: nil
        default: json(value)
        }
    }

    static func json(_ value: JSONValue) -> String {
        JSONWriter.string(value)
    }

    static func queryText(_ value: JSONValue) -> String {
        switch value {
        case .bool(let flag): flag ? "true" : "false"
        case .string(let text): text
        case .number(let literal): literal
        default: JSONWriter.string(value)
        }
    }
}
