import Foundation
import Testing

/// `invoicebatch validate` and `template` as a user runs them: the built binary, its exit status, what it prints
/// and the files it writes.
extension EndToEnd {
    @Suite struct ValidateCommandTests {
        @Test func badCorrectionsReportsEveryRuleInOnePassAndExits2() throws {
            let directory = try Binary.temporaryDirectory()
            let report = directory.appendingPathComponent("findings.csv").path
            let result = try Binary.run(["validate", "samples/bad-corrections.csv", "--report", report], directory: Binary.repositoryRoot)
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr.contains(
                    "samples/bad-corrections.csv:14: error: row 12, column 'dueDate': '12/01/2026' is not yyyy-MM-dd "
                        + "(did you mean 2026-12-01 or 2026-01-12?) [date-format]\n"
                )
            )
            #expect(result.stderr.contains("samples/bad-corrections.csv:1: error: column 'duedate': unknown column 'duedate' (did you mean 'dueDate'?)"))
            #expect(result.stderr.contains("warning: row 11, column 'reason': reason '1' read as '01'"))
            let rules = [
                "date-format", "date-exclusive", "item-count", "discount-count", "discount-amount", "enum",
                "regenerate-pdf-alone", "document-reference", "reason-normalised", "custom-field-name", "max-length",
                "track-id", "unknown-field", "field-not-for-action", "boolean", "decimal", "missing-key", "invalid-key",
                "unknown-action", "empty-change", "whitespace-trimmed", "ragged-row",
            ]
            for rule in rules {
                #expect(result.stderr.contains("[\(rule)]"), "no [\(rule)] in stderr")
            }
            #expect(result.stderr.hasSuffix("samples/bad-corrections.csv: failed: 28 rows, 2 valid, 26 invalid; 28 errors, 2 warnings\n"))

            let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n")
            #expect(lines.first == "row,line,column,severity,rule,message")
            #expect(lines.count == 1 + 30)
            #expect(lines.contains { $0.hasPrefix("12,14,dueDate,error,date-format,") })
        }

        @Test func standardInputNeedsAFormatAndThenWorks() throws {
            let csv = Data("action,invoiceKey,dueDate\nupdate,INV-00000001,2026-12-01\nupdate,INV-00000002,2026-13-01\n".utf8)
            let withoutFormat = try Binary.run(["validate", "-"], input: csv)
            #expect(withoutFormat.status == 2)
            #expect(withoutFormat.stderr.contains("--format"))

            let result = try Binary.run(["validate", "-", "--format", "csv"], input: csv)
            #expect(result.status == 2)
            #expect(result.stderr.contains("-:3: error: row 2, column 'dueDate': '2026-13-01' is not yyyy-MM-dd"))
            #expect(result.stderr.contains("2 rows, 1 valid, 1 invalid"))
        }

        @Test func missingFileIsAClearErrorWithExit2() throws {
            let result = try Binary.run(["validate", "no-such-file.csv"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("no-such-file.csv"))
        }

        @Test func templateCSVHeaderValidatesAndJSONLExampleIsClean() throws {
            let header = try Binary.run(["template", "update"])
            #expect(header.status == 0)
            #expect(header.stdout.hasPrefix("action,invoiceKey,rowId,trackId,dueDate,invoiceDate"))
            #expect(header.stdout.contains("invoiceItems[0].discountItems[0].amount"))

            for action in ["update", "object-update", "einvoice-sync", "einvoice-cancel", "appzen-sync"] {
                let example = try Binary.run(["template", action, "--format", "jsonl"])
                #expect(example.status == 0)
                let check = try Binary.run(["validate", "-", "--format", "jsonl"], input: Data(example.stdout.utf8))
                #expect(check.status == 0, "\(action): \(check.stderr)")
                #expect(check.stderr.contains("ok: 1 rows, 1 valid"))
            }
        }

        @Test func helpShowsAWorkedExample() throws {
            let help = try Binary.run(["validate", "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example:"))
            #expect(help.stdout.contains("--report"))
        }
    }
}
