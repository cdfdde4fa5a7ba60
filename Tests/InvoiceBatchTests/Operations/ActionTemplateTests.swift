import InvoiceAPI
import InvoiceBatch
import Testing

@Test(arguments: InvoiceAction.allCases)
func templateHeaderIsKnownAndExampleRowPassesEveryRule(_ action: InvoiceAction) {
    let columns = ActionTemplate.columns(for: action)
    #expect(RowChecker(header: columns, defaultAction: nil).headerDiagnostics.isEmpty)
    #expect(columns.first == "action" && columns.contains(action.keyColumn))

    let example = ActionTemplate.example(for: action)
    let row = RowChecker(header: nil, defaultAction: nil)
        .check(SourceRecord(row: 1, line: 1, content: .object(example, text: JSONWriter.string(.object(example)))))
    #expect(row.errors.isEmpty, "\(row.errors)")
    #expect(row.operation?.action == action)
}

@Test func updateTemplateHasNestedItemAndDiscountColumns() {
    let columns = ActionTemplate.columns(for: .update)
    #expect(columns.contains("invoiceItems[0].taxMode"))
    #expect(columns.contains("invoiceItems[0].discountItems[0].amount"))
    #expect(columns.contains("invoiceDate") && columns.contains("dueDate"))
}
