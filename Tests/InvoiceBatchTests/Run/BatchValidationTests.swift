import InvoiceAPI
import InvoiceBatch
import Testing

/// Validation spreads chunks over worker threads; the findings must still come out complete and in input order.
@Test(arguments: [1, 2, 3])
func findingsComeOutInInputOrderWhateverTheWorkers(workers: Int) throws {
    var text = "action,invoiceKey,dueDate\n"
    var broken: [Int] = []
    for row in 1...20_000 {
        if row % 997 == 0 {
            text += "update,INV-\(row),12/01/2026\n"
            broken.append(row)
        } else {
            text += "update,INV-\(row),2026-12-01\n"
        }
    }
    let reader = try RecordReader(bytes: Array(text.utf8), format: .csv)
    var seen: [Int] = []
    let summary = try BatchValidation.validate(reader, defaultAction: nil, workers: workers) { diagnostic in
        #expect(diagnostic.rule == .dateFormat)
        seen.append(diagnostic.row ?? -1)
    }
    #expect(seen == broken)
    #expect(summary.rows == 20_000)
    #expect(summary.invalidRows == broken.count && summary.errors == broken.count)
}
