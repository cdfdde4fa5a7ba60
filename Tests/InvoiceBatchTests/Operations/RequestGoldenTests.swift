import Foundation
import InvoiceAPI
import InvoiceBatch
import Testing

/// The request each action produces from a spreadsheet row, compared whole with a golden file:
/// method, path with query, and the exact body bytes.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let name: String
    let cells: [(String, String)]
    var testDescription: String { name }
}

let goldenCases: [GoldenCase] = [
    GoldenCase(
        name: "update",
        cells: [
            ("action", "update"), ("invoiceKey", "INV-00000007"), ("comments", "Net 45 agreed with \"ACME\"\nper call"),
            ("autoPay", "FALSE"), ("dueDate", "2026-12-15"), ("transferredToAccounting", "Processing"),
            ("templateId", "#null"), ("IntegrationId__NS", "NS-88"), ("Region__c", "EMEA"),
            ("invoiceItems[2].id", "8a8aa0b2d9c5a0d2"), ("invoiceItems[2].description", "Support, premium"),
            ("invoiceItems[2].amount", "1250.50"), ("invoiceItems[2].taxMode", "TaxInclusive"),
            ("invoiceItems[2].serviceStartDate", "2026-11-01"), ("invoiceItems[2].excludeItemBillingFromRevenueAccounting", "true"),
            ("invoiceItems[2].discountItems[0].amount", "-10.00"), ("invoiceItems[2].discountItems[0].description", "Loyalty"),
            ("invoiceItems[0].id", "8a8aa0b2d9c5a0d1"), ("invoiceItems[0].quantity", "3"),
            ("#note", "not sent"), ("rowId", "ERP-1"),
        ]),
    GoldenCase(
        name: "object-update",
        cells: [
            ("action", "object-update"), ("invoiceKey", "2c93808457d787030157e031d86c4c57"),
            ("TransferredToAccounting", "Yes"), ("Status", "Posted"), ("SyncDate__NS", "2026-11-20"),
            ("rejectUnknownFields", "TRUE"), ("CostCenter__c", "#null"),
        ]),
    GoldenCase(
        name: "einvoice-sync",
        cells: [("action", "einvoice-sync"), ("invoiceKey", "INV-00000012"), ("shouldIncludeAcknowledged", "true")]),
    GoldenCase(
        name: "einvoice-cancel",
        cells: [("action", "einvoice-cancel"), ("invoiceKey", "INV-00000003"), ("documentReferenceID", "DM12345678"), ("reason", "01")]),
    GoldenCase(
        name: "appzen-sync",
        cells: [
            ("action", "appzen-sync"), ("uuid", "75823296-4af2-4475-aafd-461c60c284e7"), ("invoiceKey", "INV-00000001"),
            ("error_data.message", "Vendor mismatch"), ("appzen-invoice-state", "ERROR"), ("invoice-status", "Posted"),
            ("invoice_id", "INV-00000001"), ("timestamp", "2026-11-01T11:01:00Z"), ("error_data.status", "422"),
        ]),
]

@Test(arguments: goldenCases)
func requestMatchesGolden(_ golden: GoldenCase) throws {
    let checker = RowChecker(header: golden.cells.map(\.0), defaultAction: nil)
    #expect(checker.headerDiagnostics.isEmpty, "\(checker.headerDiagnostics)")
    let row = checker.check(SourceRecord(row: 1, line: 2, content: .cells(golden.cells.map(\.1))))
    #expect(row.errors.isEmpty, "\(row.errors)")
    let operation = try #require(row.operation)
    let produced = "\(operation.method) \(operation.pathAndQuery)\n" + String(decoding: operation.bodyBytes, as: UTF8.self) + "\n"
    let url = try #require(Bundle.module.url(forResource: "Resources/golden/\(golden.name)", withExtension: "txt"))
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(produced == expected)
}
