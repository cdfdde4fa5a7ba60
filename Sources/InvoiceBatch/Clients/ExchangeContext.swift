import InvoiceAPI

/// Who an exchange is for, as the observer reports it.
struct ExchangeContext: Sendable {
    var kind: HTTPExchange.Kind
    var row: Int?
    var sourceRow: Int?
    var action: InvoiceAction?
    var invoiceKey: String?
    var attempt: Int
}
