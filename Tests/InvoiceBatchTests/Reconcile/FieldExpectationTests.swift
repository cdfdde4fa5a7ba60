import InvoiceAPI
import Testing

@testable import InvoiceBatch

/// Which requested fields `--verify` can compare with the GET answer, and how values compare.
@Suite struct FieldExpectationTests {
    static func body(_ members: [(String, JSONValue)]) -> JSONObject {
        var object = JSONObject()
        for (key, value) in members { object[key] = value }
        return object
    }

    static let answer = body([
        ("id", .string("2c93")), ("status", .string("Posted")), ("dueDate", .string("2026-03-15")),
        ("autoPay", .bool(true)), ("comments", .null), ("transferredToAccounting", .string("Yes")),
        ("einvoiceStatus", .string("Cancelled")), ("Amount__c", .number("15.5")), ("IntegrationStatus__NS", .string("Synced")),
    ])

    @Test func comparesWhatTheAnswerHolds() {
        let update = InvoiceOperation(
            action: .update, key: "INV-1", query: [],
            body: Self.body([
                ("dueDate", .string("2026-03-15")), ("autoPay", .bool(true)), ("comments", .null),
                ("Amount__c", .string("15.50")), ("IntegrationStatus__NS", .string("Failed")),
                ("invoiceItems", .array([])),
            ]))
        let expectations = FieldExpectation.of(update)
        #expect(expectations.map(\.field) == [
            "dueDate", "autoPay", "comments", "Amount__c", "IntegrationStatus__NS", "invoiceItems",
        ])
        let mismatches = expectations.compactMap { $0.compare(with: Self.answer) }
        #expect(mismatches == [FieldMismatch(field: "IntegrationStatus__NS", expected: "Failed", actual: "Synced")])
        if case .unverifiable = expectations.last!.check {} else { Issue.record("invoice items are not in the answer") }
    }

    @Test func crudNamesMapToTheGetAnswer() {
        let crud = InvoiceOperation(
            action: .objectUpdate, key: "2c93", query: [],
            body: Self.body([("Status", .string("Draft")), ("TransferredToAccounting", .string("yes"))]))
        let mismatches = FieldExpectation.of(crud).compactMap { $0.compare(with: Self.answer) }
        #expect(mismatches == [FieldMismatch(field: "status", expected: "Draft", actual: "Posted")])
    }

    @Test func cancelExpectsCanceledInAnySpellingAndSyncCannotBeVerified() {
        let cancel = InvoiceOperation(action: .einvoiceCancel, key: "INV-1", query: [], body: nil)
        #expect(FieldExpectation.of(cancel).compactMap { $0.compare(with: Self.answer) }.isEmpty)
        let sync = InvoiceOperation(action: .einvoiceSync, key: "INV-1", query: [], body: nil)
        guard case .unverifiable(let reason)? = FieldExpectation.of(sync).first?.check else {
            Issue.record("einvoice-sync is asynchronous")
            return
        }
        #expect(reason.contains("asynchronously"))
        #expect(FieldExpectation.of(InvoiceOperation(action: .appzenSync, key: "u", query: [], body: nil)).isEmpty)
        let absent = FieldExpectation(field: "Region__c", check: .equal(.string("EMEA"))).compare(with: Self.answer)
        #expect(absent == FieldMismatch(field: "Region__c", expected: "EMEA", actual: "(absent)"))
    }
}
