import InvoiceAPI

/// Generates the seeded tenant: the same `seed` gives the same invoices, IDs, dates and amounts everywhere,
/// and invoice `n` does not depend on how many invoices are seeded.
///
/// Layout (sample files and tests rely on it):
///
/// | invoices | invoice status | e-invoice status |
/// |---|---|---|
/// | `INV-00000001`…`INV-00000060` | odd numbers `Posted`, even numbers `Draft`; none `Canceled` | see below |
/// | `INV-00000061`…`INV-00000065` | `Canceled` | drawn as for 66 on |
/// | `INV-00000066`… | drawn: 60 % `Posted`, 30 % `Draft`, 10 % `Canceled` | drawn over all nine states |
///
/// E-invoice status of `INV-00000001`…`INV-00000060`: 10, 20, 30, 40 `Success`; 45 `ConditionalSuccess`;
/// 50 `Rejected`; 55 `Generated`; 60 `Canceled`; every other number by `n % 4`: 1 `Processing`,
/// 2 `ApprovedByAuthority`, 3 `RetrieveTimeOut`, 0 `Failed` — the four states `sync-status` accepts, so 52 of
/// the first 60 can be synced, and the `ApprovedByAuthority` and `Success` ones (2, 6, 10, 14, 18, 20, …) can
/// have their e-invoice canceled.
///
/// Dates: invoice `n` ≤ 60 is dated 2026-01-01 plus `n - 1` days (after the closed periods, which end
/// 2025-12-31 by default); later invoices between 2025-07-01 and 2026-06-30, some inside closed periods.
/// Every due date is 30 days after the invoice date. Each invoice has 1–5 items; the first item of every
/// third invoice (3, 6, 9, …) has one discount item. The invoice amount is the sum of its items' amounts.
/// Every invoice has an AppZen uuid, shown as the custom field `AppZenUuid__c`.
enum InvoiceSeeder {
    /// The first invoice numbers that are `Canceled` whatever the seed.
    static let fixedCanceled: ClosedRange<Int> = 61...65

    /// Invoices `1...count` for `seed`.
    static func invoices(count: Int, seed: UInt64) -> [SandboxInvoice] {
        var usedIDs: Set<String> = []
        let templates = templateIDs(seed: seed)
        return (1...max(count, 1)).prefix(max(count, 0)).map { number in
            invoice(number: number, seed: seed, templates: templates, usedIDs: &usedIDs)
        }
    }

    /// `INV-` and `number` in 8 digits.
    static func invoiceNumber(_ number: Int) -> String {
        let digits = String(number)
        return "INV-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    static func invoice(number: Int, seed: UInt64, templates: [String], usedIDs: inout Set<String>) -> SandboxInvoice {
        var random = SplitMix64(seed: SplitMix64.mix(seed ^ (UInt64(number) &* 0x2545_F491_4F6C_DD1D)))
        let id = uniqueID(&random, &usedIDs)
        let invoiceDate: CalendarDate
        if number <= 60 {
            invoiceDate = CalendarDate.fromDaysSince1970(CalendarDate(year: 2026, month: 1, day: 1)!.daysSince1970 + number - 1)
        } else {
            let start = CalendarDate(year: 2025, month: 7, day: 1)!.daysSince1970
            invoiceDate = CalendarDate.fromDaysSince1970(start + Int(random.next() % 365))
        }
        let dueDate = CalendarDate.fromDaysSince1970(invoiceDate.daysSince1970 + 30)
        let status = invoiceStatus(number: number, random: &random)
        let einvoiceStatus = einvoiceStatus(number: number, random: &random)
        let items = makeItems(number: number, invoiceDate: invoiceDate, random: &random, usedIDs: &usedIDs)
        let totalCents = items.flatMap { [$0] + $0.discountItems }.map(Self.cents(of:)).reduce(0, +)
        let appZenUUID = random.uuid()
        var customFields = JSONObject()
        customFields["AppZenUuid__c"] = .string(appZenUUID)
        return SandboxInvoice(
            id: id,
            number: invoiceNumber(number),
            accountId: accountID(number: number, seed: seed),
            appZenUUID: appZenUUID,
            status: status,
            invoiceDate: invoiceDate,
            dueDate: dueDate,
            amount: money(totalCents),
            balance: status == .canceled ? "0.00" : money(totalCents),
            autoPay: number % 3 != 0,
            comments: nil,
            transferredToAccounting: "No",
            templateId: templates[number % templates.count],
            currency: "USD",
            einvoiceStatus: einvoiceStatus,
            netSuiteFields: JSONObject(["IntegrationId__NS": .null, "IntegrationStatus__NS": .null, "SyncDate__NS": .null]),
            customFields: customFields,
            items: items
        )
    }

    static func invoiceStatus(number: Int, random: inout SplitMix64) -> SandboxInvoice.Status {
        if number <= 60 { return number % 2 == 1 ? .posted : .draft }
        if fixedCanceled.contains(number) { return .canceled }
        let draw = random.unit()
        return draw < 0.6 ? .posted : draw < 0.9 ? .draft : .canceled
    }

    static func einvoiceStatus(number: Int, random: inout SplitMix64) -> EInvoiceStatus {
        if number <= 60 {
            switch number {
            case 10, 20, 30, 40: return .success
            case 45: return .conditionalSuccess
            case 50: return .rejected
            case 55: return .generated
            case 60: return .canceled
            default:
                return [.failed, .processing, .approvedByAuthority, .retrieveTimeout][number % 4]
            }
        }
        let weighted: [(EInvoiceStatus, Double)] = [
            (.processing, 0.20), (.approvedByAuthority, 0.15), (.retrieveTimeout, 0.10), (.failed, 0.10),
            (.success, 0.25), (.rejected, 0.05), (.canceled, 0.05), (.generated, 0.05), (.conditionalSuccess, 0.05),
        ]
        var draw = random.unit()
        for (status, weight) in weighted {
            if draw < weight { return status }
            draw -= weight
        }
        return .success
    }

    static let chargeNames = ["Subscription Fee", "Usage Charge", "Setup Fee", "Premium Support", "Overage"]

    static func makeItems(number: Int, invoiceDate: CalendarDate, random: inout SplitMix64, usedIDs: inout Set<String>)
        -> [SandboxInvoiceItem]
    {
        let count = 1 + Int(random.next() % 5)
        let periodStart = CalendarDate(year: invoiceDate.year, month: invoiceDate.month, day: 1)!
        let nextMonth = invoiceDate.month == 12
            ? CalendarDate(year: invoiceDate.year + 1, month: 1, day: 1)!
            : CalendarDate(year: invoiceDate.year, month: invoiceDate.month + 1, day: 1)!
        let periodEnd = CalendarDate.fromDaysSince1970(nextMonth.daysSince1970 - 1)
        return (0..<count).map { index in
            let quantity = 1 + Int(random.next() % 10)
            let unitCents = 1_000 + Int(random.next() % 49_000)
            var fields = JSONObject()
            fields["chargeName"] = .string(chargeNames[index % chargeNames.count])
            fields["chargeDate"] = .string("\(invoiceDate) 00:00:00")
            fields["serviceStartDate"] = .string(periodStart.description)
            fields["serviceEndDate"] = .string(periodEnd.description)
            fields["quantity"] = .string(String(quantity))
            fields["unitPrice"] = .string(money(unitCents))
            fields["amount"] = .string(money(quantity * unitCents))
            fields["uom"] = .string("Each")
            fields["accountingCode"] = .string("4000-Revenue")
            fields["taxMode"] = .string("TaxExclusive")
            var item = SandboxInvoiceItem(id: uniqueID(&random, &usedIDs), fields: fields)
            if index == 0, number % 3 == 0 {
                var discount = JSONObject()
                discount["chargeName"] = .string("Loyalty Discount")
                discount["amount"] = .string(money(-(quantity * unitCents) / 10))
                item.discountItems = [SandboxInvoiceItem(id: uniqueID(&random, &usedIDs), fields: discount)]
            }
            return item
        }
    }

    static func accountID(number: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: SplitMix64.mix(seed ^ 0xACC0_0000_0000_0000 ^ UInt64((number - 1) / 5)))
        return random.hex(32)
    }

    static func templateIDs(seed: UInt64) -> [String] {
        var random = SplitMix64(seed: SplitMix64.mix(seed ^ 0x7E3D_0000_0000_0000))
        return [random.hex(32), random.hex(32)]
    }

    static func uniqueID(_ random: inout SplitMix64, _ used: inout Set<String>) -> String {
        while true {
            let id = random.hex(32)
            if used.insert(id).inserted { return id }
        }
    }

    static func cents(of item: SandboxInvoiceItem) -> Int {
        guard let text = item.fields["amount"]?.stringValue else { return 0 }
        return DecimalText.cents(text) ?? 0
    }

    /// `cents` as decimal text with two fraction digits (`-12.05`).
    static func money(_ cents: Int) -> String {
        DecimalText.format(cents: cents)
    }
}
