import Foundation
import HummingbirdTesting
import InvoiceAPI
import InvoiceSandbox
import NIOCore
import Testing

/// The seeded tenant, as a client reads it with `GET /v1/invoices/{key}`: the documented layout that sample
/// files rely on, and determinism from the seed.
struct InvoiceSeederTests {
    @Test func firstSixtyInvoicesHoldEveryEInvoiceStatusAndNoCanceledInvoice() async throws {
        try await Fixture.withRouter { state, client in
            var einvoiceStatuses: Set<String> = []
            for number in 1...60 {
                let invoice = try await client.invoice("INV-\(String(format: "%08d", number))", state)
                einvoiceStatuses.insert(try #require(invoice["einvoiceStatus"] as? String))
                #expect(invoice["status"] as? String == (number % 2 == 1 ? "Posted" : "Draft"))
                let invoiceDate = try #require(invoice["invoiceDate"] as? String)
                #expect(invoiceDate > "2025-12-31", "INV-\(number) is dated \(invoiceDate), inside the closed periods")
            }
            #expect(einvoiceStatuses == Set(EInvoiceStatus.allCases.map(\.rawValue)))
        }
    }

    @Test(arguments: [
        (1, "Processing"), (2, "ApprovedByAuthority"), (3, "RetrieveTimeOut"), (4, "Failed"), (10, "Success"),
        (20, "Success"), (45, "ConditionalSuccess"), (50, "Rejected"), (55, "Generated"), (60, "Canceled"),
        (59, "RetrieveTimeOut"), (58, "ApprovedByAuthority"),
    ])
    func eInvoiceStatusFollowsTheDocumentedLayout(number: Int, status: String) async throws {
        try await Fixture.withRouter { state, client in
            let invoice = try await client.invoice("INV-\(String(format: "%08d", number))", state)
            #expect(invoice["einvoiceStatus"] as? String == status)
        }
    }

    @Test func invoicesSixtyOneToSixtyFiveAreCanceled() async throws {
        try await Fixture.withRouter { state, client in
            for number in 61...65 {
                let invoice = try await client.invoice("INV-000000\(number)", state)
                #expect(invoice["status"] as? String == "Canceled")
                #expect(invoice["balance"] as? Double == 0)
            }
        }
    }

    @Test func invoicesHaveHexIDsItemsAmountsAndAnAppZenUUID() async throws {
        try await Fixture.withRouter { state, client in
            for number in [1, 7, 33, 99] {
                let invoice = try await client.invoice("INV-\(String(format: "%08d", number))", state)
                let id = try #require(invoice["id"] as? String)
                #expect(id.count == 32 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
                #expect(invoice["invoiceNumber"] as? String == "INV-\(String(format: "%08d", number))")
                let items = try #require(invoice["invoiceItems"] as? [[String: Any]])
                #expect((1...5).contains(items.count))
                for item in items {
                    let itemID = try #require(item["id"] as? String)
                    #expect(itemID.count == 32)
                }
                let uuid = try #require(invoice["AppZenUuid__c"] as? String)
                #expect(uuid.count == 36)
                #expect(invoice["success"] as? Bool == true)
                #expect(invoice["currency"] as? String == "USD")
                let invoiceDate = try #require(CalendarDate(iso: invoice["invoiceDate"] as? String ?? ""))
                let dueDate = try #require(CalendarDate(iso: invoice["dueDate"] as? String ?? ""))
                #expect(dueDate.daysSince1970 - invoiceDate.daysSince1970 == 30)
            }
        }
    }

    @Test func invoiceAmountIsTheSumOfItsItemsAndDiscounts() async throws {
        try await Fixture.withRouter { state, client in
            let invoice = try await client.invoice("INV-00000003", state)
            let items = try #require(invoice["invoiceItems"] as? [[String: Any]])
            let discounts = items.flatMap { $0["discountItems"] as? [[String: Any]] ?? [] }
            #expect(discounts.count == 1, "every third invoice has a discount on its first item")
            // Seeded amounts have two decimals: their cents are the digits without the point.
            let cents = (items + discounts).compactMap { ($0["amount"] as? String).flatMap { Int($0.filter { $0 != "." }) } }
            #expect(cents.count == items.count + discounts.count)
            let amount = try #require(invoice["amount"] as? Double)
            #expect(cents.reduce(0, +) == Int((amount * 100).rounded()))
        }
    }

    @Test func theSameSeedGivesTheSameTenantAndAnotherSeedAnother() throws {
        let first = SandboxState(configuration: Fixture.configuration { $0.seed = 7 }).store.invoices
        let again = SandboxState(configuration: Fixture.configuration { $0.seed = 7; $0.invoices = 150 }).store.invoices
        let other = SandboxState(configuration: Fixture.configuration { $0.seed = 8 }).store.invoices
        #expect(first == Array(again.prefix(100)), "invoice n does not depend on how many are seeded")
        #expect(first.map(\.id) != other.map(\.id))
        #expect(Set(first.map(\.id)).count == first.count)
        #expect(first.prefix(60).map(\.status) == other.prefix(60).map(\.status), "the first 60 are laid out, not drawn")
    }
}
