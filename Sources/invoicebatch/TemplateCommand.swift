import ArgumentParser
import InvoiceAPI
import InvoiceBatch

/// `invoicebatch template ACTION`: the columns (or a JSONL example) to start a batch from.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print the header line (or a JSONL example row) of an action, to start a batch from.",
        discussion: """
            Every column the action takes, in the order the API documents them. Item and discount fields \
            are written as paths (invoiceItems[0].amount, invoiceItems[0].discountItems[0].amount); add \
            invoiceItems[1].… columns for more items. Custom fields are columns named Name__c; columns \
            starting with # are notes that are never sent.

            Example:
              $ invoicebatch template update > corrections.csv
              $ invoicebatch template appzen-sync --format jsonl
            """
    )

    @Argument(help: "The action: \(InvoiceAction.allCases.map(\.rawValue).joined(separator: ", ")).")
    var action: InvoiceAction

    @Option(help: "csv prints the header line; jsonl prints an example row that passes every rule.")
    var format: InputFormat = .csv

    func run() throws {
        switch format {
        case .csv:
            print(ActionTemplate.columns(for: action).joined(separator: ","))
        case .jsonl:
            print(JSONWriter.string(.object(ActionTemplate.example(for: action))))
        }
    }
}
