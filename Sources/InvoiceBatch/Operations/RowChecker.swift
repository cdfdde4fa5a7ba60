import InvoiceAPI

/// Turns records into checked rows: reads the header once (roles of columns, unknown columns with a
/// "did you mean"), then gives each record its action, key, typed body and every offline rule's verdict.
///
/// Not `Sendable`: it caches column layouts and reuses a scratch buffer, and is used by the one task that reads.
public final class RowChecker {
    /// Problems with the header itself (line 1); they do not stop the row checks.
    public private(set) var headerDiagnostics: [Diagnostic] = []

    private let defaultAction: InvoiceAction?
    private let csvLayout: RecordLayout?
    private var jsonLayouts: [String: RecordLayout] = [:]
    private var jsonRoles: [String: ColumnRole] = [:]
    /// Typed values of the current row's flat body, by column; cleared after each row.
    private var scratch: [JSONValue?] = []
    /// The last action text seen and what it parsed to (rows of a batch mostly repeat one action).
    private var lastAction: (text: String, action: InvoiceAction)?

    /// - Parameters:
    ///   - header: the CSV header; `nil` for JSONL (each object names its own members).
    ///   - defaultAction: `--action`, used when a row has no `action`.
    public init(header: [String]?, defaultAction: InvoiceAction?) {
        self.defaultAction = defaultAction
        if let header {
            let layout = RecordLayout(columns: header)
            csvLayout = layout
            checkHeader(layout)
        } else {
            csvLayout = nil
        }
    }

    private func checkHeader(_ layout: RecordLayout) {
        var first: [String: Int] = [:]
        for (index, name) in layout.columns.enumerated() {
            if let earlier = first[name], !name.isEmpty {
                headerDiagnostics.append(
                    Diagnostic(
                        .error, row: nil, line: 1, column: name, rule: .duplicateColumn,
                        message: "column '\(name)' appears twice (columns \(earlier + 1) and \(index + 1)); keep one"
                    )
                )
            } else {
                first[name] = index
            }
            if case .unknown(let suggestion) = layout.roles[index] {
                headerDiagnostics.append(Self.unknownColumn(name, suggestion: suggestion, row: nil, line: 1))
            }
        }
        if layout.actionColumn == nil, defaultAction == nil {
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
        let isCustomLike = !name.isEmpty && Schema.looksLikeCustomField(name)
        if name.isEmpty {
            message = "a column has no name; name it, or start it with '#' to keep it as a note"
        } else if isCustomLike {
            message = "'\(name)' is not a custom field name: use Name__c (a letter, then letters, digits or "
                + "underscores, ending in __c, case-sensitive)"
        } else {
            message = "unknown column '\(name)'"
            if let suggestion { message += " (did you mean '\(suggestion)'?)" }
            message += "; start it with '#' to keep it as a note"
        }
        if row != nil { message += " — the cell cannot be sent" }
        return Diagnostic(
            .error, row: row, line: line, column: name.isEmpty ? nil : name,
            rule: isCustomLike ? .customFieldName : .unknownField, message: message
        )
    }

    /// Checks one record.
    public func check(_ record: SourceRecord) -> CheckedRow {
        switch record.content {
        case .cells(let cells):
            return check(record, layout: csvLayout ?? RecordLayout(columns: []), cells: cells, unreadable: nil)
        case .malformed(let problem, let cells, _):
            return check(record, layout: csvLayout ?? RecordLayout(columns: []), cells: cells, unreadable: problem)
        case .object(let object, _):
            var flat: [(column: String, value: JSONValue)] = []
            Self.flatten(object, prefix: "", into: &flat)
            let layout = jsonLayout(flat.map(\.column))
            return check(record, layout: layout, values: RowValues.json(flat.map(\.value)), unreadable: nil)
        }
    }

    private func check(_ record: SourceRecord, layout: RecordLayout, cells: [String], unreadable: InputProblem?) -> CheckedRow {
        check(record, layout: layout, values: RowValues.cells(cells), unreadable: unreadable)
    }

    /// A row's values by column: CSV cells (strings) or JSONL member values, without copying either.
    enum RowValues {
        case cells([String])
        case json([JSONValue])

        var count: Int {
            switch self {
            case .cells(let cells): cells.count
            case .json(let values): values.count
            }
        }

        subscript(index: Int) -> JSONValue {
            switch self {
            case .cells(let cells): .string(cells[index])
            case .json(let values): values[index]
            }
        }
    }

    /// The layout for a JSONL object's member paths; objects of one export share one.
    private func jsonLayout(_ columns: [String]) -> RecordLayout {
        let signature = columns.joined(separator: "\u{1}")
        if let layout = jsonLayouts[signature] { return layout }
        let roles = columns.map { name in
            if let role = jsonRoles[name] { return role }
            let role = ColumnRole.classify(name)
            if jsonRoles.count < 100_000 { jsonRoles[name] = role }
            return role
        }
        let layout = RecordLayout(columns: columns, roles: roles)
        if jsonLayouts.count >= 1_000 { jsonLayouts.removeAll(keepingCapacity: true) }
        jsonLayouts[signature] = layout
        return layout
    }

    private func check(
        _ record: SourceRecord, layout: RecordLayout, values: RowValues, unreadable: InputProblem?
    ) -> CheckedRow {
        var diagnostics: [Diagnostic] = []
        func report(_ severity: Diagnostic.Severity, _ column: String?, _ rule: RuleName, _ message: String) {
            diagnostics.append(
                Diagnostic(severity, row: record.row, line: record.line, column: column, rule: rule, message: message)
            )
        }
        if let unreadable { report(.error, nil, RuleName(rawValue: unreadable.rule), unreadable.message) }

        // The action decides what every other column means.
        var action = defaultAction
        if let index = layout.actionColumn, index < values.count, let text = Self.text(values[index])?.trimmingSpaces(),
            !text.isEmpty
        {
            action = lastAction?.text == text ? lastAction?.action : InvoiceAction(rawValue: text)
            if let action { lastAction = (text, action) }
            if action == nil {
                var message = "'\(text)' is not an action: use one of "
                    + InvoiceAction.allCases.map(\.rawValue).joined(separator: ", ")
                if let suggestion = NameSuggestion.closest(to: text, among: InvoiceAction.allCases.map(\.rawValue)) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                report(.error, "action", .unknownAction, message)
            }
        } else if action == nil {
            report(.error, "action", .unknownAction, "the row has no action: fill the 'action' cell or pass --action")
        }
        guard let action else {
            return identityOnly(record, layout: layout, values: values, diagnostics: diagnostics)
        }
        let plan = layout.plan(for: action)

        var key: String?
        var relatedKey: String?
        var rowID: String?
        var trackID: String?
        var sourceRow = record.row
        var notes: [(name: String, value: String)] = []
        var query: JSONObject?
        var nested = plan.isFlat ? nil : RequestBodyBuilder(schema: action.bodySchema)
        for index in 0..<min(values.count, plan.uses.count) {
            let value = values[index]
            switch plan.uses[index] {
            case .action:
                continue
            case .otherKey:
                if layout.columns[index] == "invoiceKey" { relatedKey = Self.text(value)?.trimmingSpaces() }
            case .key:
                key = Self.text(value)?.trimmingSpaces()
            case .rowID:
                rowID = Self.text(value)
            case .trackID:
                trackID = Self.text(value)
            case .sourceRow:
                let text = Self.text(value) ?? ""
                if !text.isEmpty {
                    if let number = Int(text.trimmingSpaces()), number > 0 {
                        sourceRow = number
                    } else {
                        report(.error, layout.columns[index], .valueType, "'\(text)' is not a row number (keep '#sourceRow' as the failures file wrote it)")
                    }
                }
                notes.append((layout.columns[index], text))
            case .note:
                notes.append((layout.columns[index], Self.text(value) ?? ""))
            case .notForAction(let owners):
                guard Self.isGiven(value) else { continue }
                let column = layout.columns[index]
                report(
                    .error, column, .fieldNotForAction,
                    "'\(column)' is not a field of \(action.rawValue) (it belongs to \(plan.messages[owners])); "
                        + "leave the cell empty on \(action.rawValue) rows"
                )
            case .unknown(let suggestion):
                guard Self.isGiven(value) else { continue }
                let text = plan.messages[suggestion]
                diagnostics.append(
                    Self.unknownColumn(
                        layout.columns[index], suggestion: text.isEmpty ? nil : text, row: record.row, line: record.line
                    )
                )
            case .duplicate(let first):
                guard Self.isGiven(value) else { continue }
                report(
                    .error, layout.columns[index], .duplicateColumn,
                    "the field is already given by column '\(layout.columns[first])'; keep one of the two"
                )
            case .body(let fieldIndex), .query(let fieldIndex):
                let field = plan.fields[fieldIndex]
                let isReason = action == .einvoiceCancel && field.spec?.name == "reason"
                switch ValueCoercion.coerce(value, spec: field.spec, isCancelReason: isReason) {
                case .absent:
                    continue
                case .problem(let rule, let message):
                    report(.error, layout.columns[index], rule, message)
                case .value(let typed, let repair):
                    if let repair { report(.warning, layout.columns[index], repair.rule, repair.message) }
                    if case .query = plan.uses[index] {
                        if query == nil { query = JSONObject() }
                        query![field.name] = typed
                    } else if nested != nil {
                        nested!.set(field.path, to: typed, column: layout.columns[index])
                    } else {
                        if scratch.count < values.count { scratch = Array(repeating: nil, count: values.count) }
                        scratch[index] = typed
                    }
                }
            }
        }
        if let problem = Self.keyProblem(key, action: action) {
            report(.error, action.keyColumn, problem.rule, problem.message)
            if key?.isEmpty == true { key = nil }
        }
        if let trackID, !trackID.isEmpty, let problem = TrackID.problem(trackID) {
            report(.error, "trackId", .trackID, problem)
        }

        // The body, and the rules that look at the whole request.
        let body: JSONObject?
        var violations: [RuleViolation] = []
        var columnOf: (String) -> String = { $0 }
        if !action.hasBody {
            body = nil
            violations = RequestRules.check(action, body: nil, query: query)
        } else if let builder = nested {
            let built = builder.build()
            body = built.body
            violations = RequestRules.check(action, body: built.body, query: query)
            columnOf = { built.columns[$0] ?? Self.translate($0, columns: built.columns) }
        } else {
            var members: [JSONObject.Member] = []
            members.reserveCapacity(plan.bodyOrder.count)
            for index in plan.bodyOrder where index < scratch.count {
                guard let typed = scratch[index] else { continue }
                scratch[index] = nil
                guard case .body(let fieldIndex) = plan.uses[index] else { continue }
                let field = plan.fields[fieldIndex]
                let name = field.name
                RequestRules.checkMember(typed, spec: field.spec, path: name, into: &violations)
                members.append(JSONObject.Member(key: name, value: typed))
            }
            let flat = JSONObject(uncheckedUniqueMembers: members)
            if let query, let schema = action.querySchema {
                RequestRules.checkObject(query, schema: schema, prefix: "", into: &violations)
            }
            RequestRules.checkJoinedFields(action, body: flat, into: &violations)
            body = flat
            columnOf = { plan.columnOfMember[$0] ?? $0 }
        }
        for violation in violations {
            report(.error, columnOf(violation.path), violation.rule, violation.message)
        }
        let hasError = diagnostics.contains { $0.severity == .error }
        if let body, body.isEmpty, !hasError, action == .update || action == .objectUpdate {
            report(.error, nil, .emptyChange, "the row changes nothing: fill at least one field of \(action.rawValue)")
        }
        var operation: InvoiceOperation?
        if !hasError, diagnostics.allSatisfy({ $0.severity != .error }), let key {
            let queryItems = (query?.members ?? []).map { (name: $0.key, value: Self.queryText($0.value)) }
            operation = InvoiceOperation(action: action, key: key, query: queryItems, body: body)
        }
        var checked = CheckedRow(
            record: record, sourceRow: sourceRow, rowID: rowID, action: action, key: key,
            trackID: trackID?.isEmpty == true ? nil : trackID, notes: notes, operation: operation,
            diagnostics: diagnostics
        )
        if action == .appzenSync { checked.relatedInvoiceKey = relatedKey }
        return checked
    }

    /// A row whose action is unknown: keep who it is, so it is still reported and written to the failures file.
    private func identityOnly(
        _ record: SourceRecord, layout: RecordLayout, values: RowValues, diagnostics: [Diagnostic]
    ) -> CheckedRow {
        var key: String?
        var rowID: String?
        var sourceRow = record.row
        var notes: [(name: String, value: String)] = []
        for index in 0..<min(layout.roles.count, values.count) {
            let role = layout.roles[index]
            switch role {
            case .key: key = key ?? Self.text(values[index])
            case .rowID: rowID = Self.text(values[index])
            case .sourceRow:
                if let number = Self.text(values[index]).flatMap({ Int($0.trimmingSpaces()) }), number > 0 {
                    sourceRow = number
                }
                notes.append((layout.columns[index], Self.text(values[index]) ?? ""))
            case .note: notes.append((layout.columns[index], Self.text(values[index]) ?? ""))
            default: break
            }
        }
        return CheckedRow(
            record: record, sourceRow: sourceRow, rowID: rowID, action: nil, key: key, trackID: nil, notes: notes,
            operation: nil, diagnostics: diagnostics
        )
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
}
