import InvoiceAPI

/// Turns the shared `RequestRules` violations into the provider's failures: the Zuora category a REST code
/// ends in, and the CRUD code, so the sandbox enforces the same rules the client checks offline, answered
/// the way the tenant would.
enum ViolationMapping {
    /// The page's own message for `RegenerateInvoicePDF=true` with other fields (CRUD `INVALID_VALUE`).
    static let regeneratePDFMessage =
        "When field RegenerateInvoicePDF is set to true to regenerate the invoice PDF file, changes on other fields of the invoice are not allowed."

    /// Whether the violation is about a field the request does not document.
    static func isUnknownField(_ violation: RuleViolation) -> Bool {
        [RuleName.unknownField, .customFieldName, .fieldNotForAction].contains(violation.rule)
    }

    /// The REST failure for `violation` of `body`: `…21` unknown field, `…22` missing required field, `…30`
    /// rules that join fields, `…20` every other invalid value (type, format, enum, length, count).
    static func restFailure(_ violation: RuleViolation, body: JSONObject?) -> SandboxFailure {
        let category: ZuoraErrorCode.Category
        switch violation.rule {
        case .unknownField, .customFieldName, .fieldNotForAction:
            category = .unknownField
        case .required:
            category = .missingRequiredField
        case .discountAmount:
            let amount = body.flatMap { JSONPath.value(at: violation.path, in: $0) }
            category = amount == nil || amount == .null ? .missingRequiredField : .invalidValue
        case .dateExclusive, .regeneratePDFAlone, .documentReference:
            category = .ruleRestriction
        default:
            category = .invalidValue
        }
        return SandboxFailure(category, "\(violation.path): \(violation.message)")
    }

    /// The CRUD failure for `violation`: `INVALID_VALUE`, with the page's message for `RegenerateInvoicePDF`.
    static func crudFailure(_ violation: RuleViolation) -> SandboxFailure {
        if violation.rule == .regeneratePDFAlone {
            return SandboxFailure(.ruleRestriction, crudCode: "INVALID_VALUE", regeneratePDFMessage)
        }
        return SandboxFailure(.invalidValue, crudCode: "INVALID_VALUE", "\(violation.path): \(violation.message)")
    }
}
