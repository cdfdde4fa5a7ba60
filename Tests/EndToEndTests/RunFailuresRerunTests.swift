import Foundation
import Testing

/// A failures file is fixed and run again as it is, twice: `#sourceRow` keeps every row's number in the original
/// file through both generations, and results carry it as `sourceRow`.
extension EndToEnd {
    @Suite struct RunFailuresRerunTests {
        /// Invoices 61…65 are `Canceled` in every seed: updating them is a business-rule failure.
        static let original: CSVTable = {
            let keys = [1, 61, 2, 62, 3, 63, 64, 4, 65, 5]
            return CSVTable(
                header: ["action", "invoiceKey", "rowId", "dueDate", "comments", "#ticket"],
                rows: keys.enumerated().map { index, number in
                    let row = index + 1
                    return [
                        "update", String(format: "INV-%08d", number), "DOC-\(row)", String(format: "2026-09-%02d", row),
                        "gen0, row \(row)", "FIN-\(900 + row)",
                    ]
                }
            )
        }()

        @Test func failuresFileRerunsKeepTheOriginalRowNumbers() throws {
            let sandbox = try SandboxProcess()
            defer { sandbox.stop() }
            let directory = try Binary.temporaryDirectory()
            let input = directory.appendingPathComponent("corrections.csv")
            try Self.original.write(to: input)
            func run(_ file: URL, _ out: String) throws -> (CommandResult, RunDirectoryFiles) {
                let runDirectory = directory.appendingPathComponent(out)
                let result = try Binary.run(
                    ["run", file.path, "--out", runDirectory.path, "--quiet"] + sandbox.targetArguments,
                    environment: sandbox.credentials
                )
                return (result, RunDirectoryFiles(runDirectory))
            }

            // Generation 0: the original file; rows 2, 4, 6, 7 and 9 name canceled invoices.
            let (first, firstFiles) = try run(input, "g0.run")
            #expect(first.status == 1, "\(first.stderr)")
            let firstResults = try firstFiles.results
            #expect(
                firstResults.column("outcome") == [
                    "succeeded", "failed", "succeeded", "failed", "succeeded", "failed", "failed", "succeeded", "failed",
                    "succeeded",
                ])
            let failed = [1, 3, 5, 6, 8]
            for index in failed {
                #expect(firstResults.cell(index, "httpStatus") == "200")
                #expect(
                    firstResults.cell(index, "errorCode").wholeMatch(of: /[0-9]{8}/) != nil, "\(firstResults.rows[index])")
                #expect(firstResults.cell(index, "errorMessage").contains("Canceled"))
            }
            let generation1 = try firstFiles.failures
            #expect(generation1.header == Self.original.header + ["#sourceRow", "#outcome", "#errorCode", "#errorMessage"])
            #expect(generation1.column("#sourceRow") == ["2", "4", "6", "7", "9"])
            #expect(generation1.column("rowId") == ["DOC-2", "DOC-4", "DOC-6", "DOC-7", "DOC-9"])
            #expect(generation1.column("#ticket") == ["FIN-902", "FIN-904", "FIN-906", "FIN-907", "FIN-909"])
            #expect(generation1.column("#outcome") == Array(repeating: "failed", count: 5))
            #expect(generation1.column("#errorCode") == failed.map { firstResults.cell($0, "errorCode") })

            // The file runs again as it is (nothing fixed): the same rows fail, numbered as in the original file.
            let (unchanged, unchangedFiles) = try run(firstFiles.file("failures.csv"), "g1-unchanged.run")
            #expect(unchanged.status == 1)
            #expect(try unchangedFiles.results.column("sourceRow") == ["2", "4", "6", "7", "9"])
            #expect(try unchangedFiles.results.column("row") == ["1", "2", "3", "4", "5"])
            #expect(try unchangedFiles.failures.column("#sourceRow") == ["2", "4", "6", "7", "9"])

            // Generation 1: three of the five fixed, the `#` columns kept as they are.
            var fixed1 = generation1
            let key = fixed1.header.firstIndex(of: "invoiceKey")!
            fixed1.rows[0][key] = "INV-00000012"
            fixed1.rows[1][key] = "INV-00000014"
            fixed1.rows[2][key] = "INV-00000016"
            let fixed1URL = directory.appendingPathComponent("fixed1.csv")
            try fixed1.write(to: fixed1URL)
            let (second, secondFiles) = try run(fixed1URL, "g1.run")
            #expect(second.status == 1, "\(second.stderr)")
            let secondResults = try secondFiles.results
            #expect(secondResults.column("row") == ["1", "2", "3", "4", "5"])
            #expect(secondResults.column("sourceRow") == ["2", "4", "6", "7", "9"])
            #expect(secondResults.column("rowId") == ["DOC-2", "DOC-4", "DOC-6", "DOC-7", "DOC-9"])
            #expect(secondResults.column("outcome") == ["succeeded", "succeeded", "succeeded", "failed", "failed"])
            let generation2 = try secondFiles.failures
            #expect(generation2.header == generation1.header, "a re-run's failures file has the header it came from")
            #expect(generation2.column("#sourceRow") == ["7", "9"])
            #expect(generation2.column("rowId") == ["DOC-7", "DOC-9"])

            // Generation 2: the last two fixed; everything succeeds, still numbered as in the original file.
            var fixed2 = generation2
            fixed2.rows[0][key] = "INV-00000018"
            fixed2.rows[1][key] = "INV-00000020"
            let fixed2URL = directory.appendingPathComponent("fixed2.csv")
            try fixed2.write(to: fixed2URL)
            let (third, thirdFiles) = try run(fixed2URL, "g2.run")
            #expect(third.status == 0, "\(third.stderr)")
            let thirdResults = try thirdFiles.results
            #expect(thirdResults.column("sourceRow") == ["7", "9"])
            #expect(thirdResults.column("outcome") == ["succeeded", "succeeded"])
            #expect(try thirdFiles.failures.rows.isEmpty)

            // The fixed rows changed the invoices they name now, with the original rows' values.
            for (number, row) in [
                ("INV-00000012", 2), ("INV-00000014", 4), ("INV-00000016", 6), ("INV-00000018", 7), ("INV-00000020", 9),
            ] {
                let invoice = try sandbox.invoice(number)
                #expect(invoice.comments == "gen0, row \(row)", "\(number)")
                #expect(invoice.dueDate == String(format: "2026-09-%02d", row), "\(number)")
            }
            #expect(
                try sandbox.stats().invoices.keys.filter { $0 >= "INV-00000061" }.isEmpty, "canceled invoices unchanged")
        }
    }
}
