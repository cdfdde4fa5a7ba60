import InvoiceAPI
import InvoiceBatch
import Testing

/// One table row per offline rule: a row that passes and a row that breaks it, with the rule, column and line
/// the diagnostic must name.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let rule: RuleName
    let header: [String]
    let passing: [String]
    let breaking: [String]
    let column: String?
    var testDescription: String { rule.rawValue }
}

let ruleCases: [RuleCase] = [
    RuleCase(
        rule: .dateFormat, header: ["action", "invoiceKey", "dueDate"],
        passing: ["update", "INV-00000001", "2026-12-01"], breaking: ["update", "INV-00000001", "12/01/2026"],
        column: "dueDate"),
    RuleCase(
        rule: .dateExclusive, header: ["action", "invoiceKey", "dueDate", "invoiceDate"],
        passing: ["update", "INV-00000001", "2026-12-01", ""],
        breaking: ["update", "INV-00000001", "2026-12-01", "2026-11-01"], column: "invoiceDate"),
    RuleCase(
        rule: .discountAmount, header: ["action", "invoiceKey", "invoiceItems[0].id", "invoiceItems[0].discountItems[0].amount"],
        passing: ["update", "INV-00000001", "abc", "-10"], breaking: ["update", "INV-00000001", "abc", "10"],
        column: "invoiceItems[0].discountItems[0].amount"),
    RuleCase(
        rule: .enumValue, header: ["action", "invoiceKey", "transferredToAccounting"],
        passing: ["update", "INV-00000001", "Yes"], breaking: ["update", "INV-00000001", "yes"],
        column: "transferredToAccounting"),
    RuleCase(
        rule: .enumValue, header: ["action", "invoiceKey", "invoiceItems[0].id", "invoiceItems[0].taxMode"],
        passing: ["update", "INV-00000001", "i1", "TaxInclusive"], breaking: ["update", "INV-00000001", "i1", "Inclusive"],
        column: "invoiceItems[0].taxMode"),
    RuleCase(
        rule: .enumValue, header: ["action", "invoiceKey", "Status"],
        passing: ["object-update", "2c93808457d787030157e031d86c4c57", "Posted"],
        breaking: ["object-update", "2c93808457d787030157e031d86c4c57", "Open"], column: "Status"),
    RuleCase(
        rule: .regeneratePDFAlone, header: ["action", "invoiceKey", "RegenerateInvoicePDF", "Status"],
        passing: ["object-update", "2c93808457d787030157e031d86c4c57", "TRUE", ""],
        breaking: ["object-update", "2c93808457d787030157e031d86c4c57", "TRUE", "Posted"],
        column: "RegenerateInvoicePDF"),
    RuleCase(
        rule: .documentReference, header: ["action", "invoiceKey", "reason", "documentReferenceID"],
        passing: ["einvoice-cancel", "INV-00000001", "01", "DM12345678"],
        breaking: ["einvoice-cancel", "INV-00000001", "02", "DM12345678"], column: "documentReferenceID"),
    RuleCase(
        rule: .customFieldName, header: ["action", "invoiceKey", "dueDate", "Region_c"],
        passing: ["update", "INV-00000001", "2026-12-01", ""], breaking: ["update", "INV-00000001", "2026-12-01", "EMEA"],
        column: "Region_c"),
    RuleCase(
        rule: .maxLength, header: ["action", "invoiceKey", "IntegrationId__NS"],
        passing: ["update", "INV-00000001", String(repeating: "x", count: 255)],
        breaking: ["update", "INV-00000001", String(repeating: "x", count: 256)], column: "IntegrationId__NS"),
    RuleCase(
        rule: .maxLength, header: ["action", "invoiceKey", "comments"],
        passing: ["update", "INV-00000001", String(repeating: "é", count: 255)],
        breaking: ["update", "INV-00000001", String(repeating: "é", count: 256)], column: "comments"),
    RuleCase(
        rule: .trackID, header: ["action", "invoiceKey", "dueDate", "trackId"],
        passing: ["update", "INV-00000001", "2026-12-01", "erp-4711"],
        breaking: ["update", "INV-00000001", "2026-12-01", "erp:4711"], column: "trackId"),
    RuleCase(
        rule: .boolean, header: ["action", "invoiceKey", "autoPay"],
        passing: ["update", "INV-00000001", "FALSE"], breaking: ["update", "INV-00000001", "no"], column: "autoPay"),
    RuleCase(
        rule: .decimal, header: ["action", "invoiceKey", "invoiceItems[0].id", "invoiceItems[0].amount"],
        passing: ["update", "INV-00000001", "i1", "1250.50"], breaking: ["update", "INV-00000001", "i1", "1,250.50"],
        column: "invoiceItems[0].amount"),
    RuleCase(
        rule: .fieldNotForAction, header: ["action", "invoiceKey", "dueDate", "Status"],
        passing: ["update", "INV-00000001", "2026-12-01", ""], breaking: ["update", "INV-00000001", "2026-12-01", "Posted"],
        column: "Status"),
    RuleCase(
        rule: .missingKey, header: ["action", "invoiceKey", "dueDate"],
        passing: ["update", "INV-00000001", "2026-12-01"], breaking: ["update", "", "2026-12-01"], column: "invoiceKey"),
    RuleCase(
        rule: .invalidKey, header: ["action", "uuid", "appzen_invoice_state"],
        passing: ["appzen-sync", "75823296-4af2-4475-aafd-461c60c284e7", "CREATED"],
        breaking: ["appzen-sync", "INV-00000001", "CREATED"], column: "uuid"),
    RuleCase(
        rule: .unknownAction, header: ["action", "invoiceKey", "dueDate"],
        passing: ["update", "INV-00000001", "2026-12-01"], breaking: ["updte", "INV-00000001", "2026-12-01"],
        column: "action"),
    RuleCase(
        rule: .dateFormat, header: ["action", "uuid", "timestamp"],
        passing: ["appzen-sync", "75823296-4af2-4475-aafd-461c60c284e7", "2026-11-01T11:01:00Z"],
        breaking: ["appzen-sync", "75823296-4af2-4475-aafd-461c60c284e7", "2026-11-01 11:01"], column: "timestamp"),
    RuleCase(
        rule: .emptyChange, header: ["action", "invoiceKey", "dueDate"],
        passing: ["update", "INV-00000001", "2026-12-01"], breaking: ["update", "INV-00000001", ""], column: nil),
]

@Test(arguments: ruleCases)
func ruleTable(_ rule: RuleCase) {
    let checker = RowChecker(header: rule.header, defaultAction: nil)
    // A misnamed custom field is a header problem (line 1) as well as each filled cell's.
    #expect(checker.headerDiagnostics.map(\.rule) == (rule.rule == .customFieldName ? [.customFieldName] : []))
    let passing = checker.check(SourceRecord(row: 1, line: 2, content: .cells(rule.passing)))
    #expect(passing.errors.isEmpty, "\(passing.errors)")
    #expect(passing.operation != nil)
    let breaking = checker.check(SourceRecord(row: 2, line: 7, content: .cells(rule.breaking)))
    #expect(breaking.operation == nil)
    let found = breaking.errors.first { $0.rule == rule.rule }
    #expect(found != nil, "expected [\(rule.rule)] among \(breaking.errors)")
    #expect(found?.column == rule.column)
    #expect(found?.line == 7)
    #expect(found?.row == 2)
}

@Test func itemAndDiscountCountsAreLimited() {
    var items: [JSONValue] = []
    for index in 0..<1_001 { items.append(.object(JSONObject(["id": .string("item\(index)")]))) }
    let tooMany = JSONObject(["invoiceItems": .array(items)])
    #expect(RequestRules.check(.update, body: tooMany).contains { $0.rule == .itemCount })
    let atLimit = JSONObject(["invoiceItems": .array(Array(items.prefix(1_000)))])
    #expect(!RequestRules.check(.update, body: atLimit).contains { $0.rule == .itemCount })

    let discounts = (0..<11).map { _ in JSONValue.object(JSONObject(["amount": .string("-1")])) }
    let item = JSONObject(["id": .string("a"), "discountItems": .array(discounts)])
    let violations = RequestRules.check(.update, body: JSONObject(["invoiceItems": .array([.object(item)])]))
    #expect(violations.contains { $0.rule == .discountCount && $0.path == "invoiceItems[0].discountItems" })
}

@Test func reasonWithoutLeadingZeroIsRepairedWithAWarning() {
    let checker = RowChecker(header: ["action", "invoiceKey", "reason"], defaultAction: nil)
    let row = checker.check(SourceRecord(row: 1, line: 2, content: .cells(["einvoice-cancel", "INV-00000003", "1"])))
    #expect(row.errors.isEmpty)
    #expect(row.diagnostics.map(\.rule) == [.reasonNormalised])
    #expect(row.diagnostics.first?.severity == .warning)
    #expect(row.operation?.body?["reason"] == .string("01"))
}

@Test func unknownColumnIsReportedOnTheHeaderWithASuggestionAndRowsAreStillChecked() {
    let checker = RowChecker(header: ["action", "invoiceKey", "duedate", "comments"], defaultAction: nil)
    #expect(checker.headerDiagnostics.count == 1)
    let header = checker.headerDiagnostics[0]
    #expect(header.line == 1 && header.rule == .unknownField && header.column == "duedate")
    #expect(header.message.contains("did you mean 'dueDate'"))
    let row = checker.check(SourceRecord(row: 1, line: 2, content: .cells(["update", "INV-1", "", "ok"])))
    #expect(row.isValid)
    let withValue = checker.check(SourceRecord(row: 2, line: 3, content: .cells(["update", "INV-1", "2026-01-01", "ok"])))
    #expect(!withValue.isValid)
}

@Test(arguments: [
    ("12/01/2026", ["2026-12-01", "2026-01-12"]),
    ("13/01/2026", ["2026-01-13"]),
    ("01.12.2026", ["2026-12-01"]),
    ("2026/12/01", ["2026-12-01"]),
    ("20261201", ["2026-12-01"]),
    ("2026-1-5", ["2026-01-05"]),
    ("46357", ["2026-12-01"]),
    ("2026-02-30", []),
])
func dateSuggestions(text: String, expected: [String]) {
    #expect(CalendarDate.candidates(for: text).map(\.description) == expected)
    #expect(TextFormat.dateProblem(text) != nil)
}
