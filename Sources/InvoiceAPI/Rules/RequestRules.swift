/// Every rule of the API pages that can be checked on a request before it is sent: types, formats, enums,
/// limits, and the rules that join fields (`invoiceDate` xor `dueDate`, `RegenerateInvoicePDF` alone, …).
///
/// One implementation serves both sides: the client checks each row offline, the sandbox enforces the same
/// rules on receipt and answers in the provider's error shape.
public enum RequestRules {
    /// The violations of `body` (and `query`) for `action`; empty when the request may be sent.
    public static func check(_ action: InvoiceAction, body: JSONObject?, query: JSONObject? = nil) -> [RuleViolation] {
        var violations: [RuleViolation] = []
        if let schema = action.querySchema, let query {
            checkObject(query, schema: schema, prefix: "", into: &violations)
        }
        if let body, let schema = action.bodySchema {
            checkObject(body, schema: schema, prefix: "", into: &violations)
            checkJoinedFields(action, body: body, into: &violations)
        } else if let body, !body.isEmpty {
            violations.append(
                RuleViolation(path: body.keys[0], rule: .fieldNotForAction, message: "\(action.rawValue) sends no body")
            )
        }
        return violations
    }

    /// Checks one top-level member whose field is already known (`spec`; `nil` for a custom field): the fast path
    /// for flat bodies, where looking each member up again would cost more than the check itself.
    public static func checkMember(_ value: JSONValue, spec: FieldSpec?, path: String, into violations: inout [RuleViolation]) {
        if let spec {
            checkValue(value, field: spec, path: path, into: &violations)
        } else {
            checkCustomValue(value, path: path, into: &violations)
        }
    }

    /// Checks each member of `object` against `schema`, recursing into items.
    public static func checkObject(_ object: JSONObject, schema: Schema, prefix: String, into violations: inout [RuleViolation]) {
        for member in object.members {
            let path = prefix + member.key
            if let field = schema.field(named: member.key), field.name == member.key {
                checkValue(member.value, field: field, path: path, into: &violations)
            } else if schema.allowsCustomFields, Schema.isCustomFieldName(member.key) {
                checkCustomValue(member.value, path: path, into: &violations)
            } else if schema.allowsCustomFields, Schema.looksLikeCustomField(member.key) {
                violations.append(
                    RuleViolation(
                        path: path, rule: .customFieldName,
                        message: "'\(member.key)' is not a custom field name: use Name__c (a letter, then letters, "
                            + "digits or underscores, ending in __c, case-sensitive)"
                    )
                )
            } else {
                var message = "'\(member.key)' is not a field of this request"
                if let suggestion = NameSuggestion.closest(to: member.key, among: schema.fields.map(\.name)) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                violations.append(RuleViolation(path: path, rule: .unknownField, message: message))
            }
        }
        for field in schema.fields where field.isRequired && object[field.name] == nil {
            violations.append(
                RuleViolation(path: prefix + field.name, rule: .required, message: "'\(field.name)' is required")
            )
        }
    }

    /// Checks one documented field's value.
    static func checkValue(_ value: JSONValue, field: FieldSpec, path: String, into violations: inout [RuleViolation]) {
        if case .null = value {
            if field.isRequired {
                violations.append(
                    RuleViolation(path: path, rule: .required, message: "'\(field.name)' is required and cannot be null")
                )
            }
            return
        }
        switch field.kind {
        case .boolean:
            if value.boolValue == nil {
                violations.append(typeViolation(value, expected: "true or false", path: path, rule: .boolean))
            }
        case .list(let schema, let maxItems):
            guard let elements = value.arrayValue else {
                violations.append(typeViolation(value, expected: "a list", path: path, rule: .valueType))
                return
            }
            if elements.count > maxItems {
                let rule: RuleName = field.name == "discountItems" ? .discountCount : .itemCount
                violations.append(
                    RuleViolation(
                        path: path, rule: rule,
                        message: "\(elements.count) \(field.name) in one request; at most \(maxItems) are allowed "
                            + "(split the row)"
                    )
                )
            }
            for (index, element) in elements.enumerated() {
                guard let object = element.objectValue else {
                    violations.append(
                        typeViolation(element, expected: "an object", path: "\(path)[\(index)]", rule: .valueType)
                    )
                    continue
                }
                checkObject(object, schema: schema, prefix: "\(path)[\(index)].", into: &violations)
            }
        case .object(let schema):
            guard let object = value.objectValue else {
                violations.append(typeViolation(value, expected: "an object", path: path, rule: .valueType))
                return
            }
            checkObject(object, schema: schema, prefix: path + ".", into: &violations)
        case .text, .decimal, .date, .dateTime, .utcTimestamp, .oneOf:
            guard let text = value.stringValue else {
                violations.append(typeViolation(value, expected: "a string", path: path, rule: .valueType))
                return
            }
            checkText(text, field: field, path: path, into: &violations)
        }
    }

    /// Checks a string value's format, enum membership and length.
    static func checkText(_ text: String, field: FieldSpec, path: String, into violations: inout [RuleViolation]) {
        var problem: (RuleName, String)?
        switch field.kind {
        case .decimal: problem = TextFormat.decimalProblem(text).map { (.decimal, $0) }
        case .date: problem = TextFormat.dateProblem(text).map { (.dateFormat, $0) }
        case .dateTime: problem = TextFormat.dateTimeProblem(text).map { (.dateFormat, $0) }
        case .utcTimestamp: problem = TextFormat.utcTimestampProblem(text).map { (.dateFormat, $0) }
        case .oneOf(let allowed) where !allowed.contains(text):
            var message = "'\(text)' is not one of " + allowed.joined(separator: ", ")
            let isNumeric = text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            if let match = allowed.first(where: { $0.lowercased() == text.trimmingSpaces().lowercased() })
                ?? (isNumeric ? nil : NameSuggestion.closest(to: text, among: allowed))
            {
                message += " (did you mean '\(match)'?)"
            }
            problem = (.enumValue, message)
        default: break
        }
        if let (rule, message) = problem {
            violations.append(RuleViolation(path: path, rule: rule, message: message))
        } else if let limit = field.maxLength, text.utf16.count > limit {
            violations.append(
                RuleViolation(
                    path: path, rule: .maxLength,
                    message: "the value is \(text.utf16.count) characters long; '\(field.name)' takes at most \(limit)"
                )
            )
        }
    }

    /// A custom field takes a scalar.
    static func checkCustomValue(_ value: JSONValue, path: String, into violations: inout [RuleViolation]) {
        switch value {
        case .array, .object:
            violations.append(typeViolation(value, expected: "a single value", path: path, rule: .valueType))
        default:
            break
        }
    }

    /// The rules that join several fields of one request.
    public static func checkJoinedFields(_ action: InvoiceAction, body: JSONObject, into violations: inout [RuleViolation]) {
        switch action {
        case .update:
            if body["invoiceDate"] != nil, body["dueDate"] != nil {
                violations.append(
                    RuleViolation(
                        path: "invoiceDate", rule: .dateExclusive,
                        message: "invoiceDate and dueDate cannot be changed in one request; put them in two rows"
                    )
                )
            }
            for (itemIndex, item) in (body["invoiceItems"]?.arrayValue ?? []).enumerated() {
                for (discountIndex, discount) in (item.objectValue?["discountItems"]?.arrayValue ?? []).enumerated() {
                    let path = "invoiceItems[\(itemIndex)].discountItems[\(discountIndex)].amount"
                    guard let object = discount.objectValue else { continue }
                    switch object["amount"] {
                    case nil, .null?:
                        violations.removeAll { $0.path == path && $0.rule == .required }
                        violations.append(
                            RuleViolation(
                                path: path, rule: .discountAmount,
                                message: "a discount item needs an amount, a negative number such as -10"
                            )
                        )
                    case .string(let text)? where TextFormat.isDecimal(text) && !TextFormat.isNegativeDecimal(text):
                        violations.append(
                            RuleViolation(
                                path: path, rule: .discountAmount,
                                message: "'\(text)' must be negative: a discount amount is written like -\(text)"
                            )
                        )
                    default:
                        break
                    }
                }
            }
        case .objectUpdate:
            if body["RegenerateInvoicePDF"] == .bool(true), body.count > 1 {
                let others = body.keys.filter { $0 != "RegenerateInvoicePDF" }.joined(separator: ", ")
                violations.append(
                    RuleViolation(
                        path: "RegenerateInvoicePDF", rule: .regeneratePDFAlone,
                        message: "RegenerateInvoicePDF=true must stand alone: the API refuses changes to other fields "
                            + "(\(others)) in the same request; move them to another row"
                    )
                )
            }
        case .einvoiceCancel:
            if let reference = body["documentReferenceID"], !reference.isNull, body["reason"] != .string("01") {
                let reason = body["reason"]?.stringValue.map { "'\($0)'" } ?? "missing"
                violations.append(
                    RuleViolation(
                        path: "documentReferenceID", rule: .documentReference,
                        message: "documentReferenceID applies only with reason 01 (the reason is \(reason))"
                    )
                )
            }
        case .einvoiceSync, .appzenSync:
            break
        }
    }

    static func typeViolation(_ value: JSONValue, expected: String, path: String, rule: RuleName) -> RuleViolation {
        let shown: String
        switch value {
        case .string(let text): shown = "'\(text)'"
        case .number(let literal): shown = literal
        case .bool(let flag): shown = flag ? "true" : "false"
        default: shown = value.typeDescription
        }
        return RuleViolation(path: path, rule: rule, message: "\(shown) is not \(expected)")
    }
}
