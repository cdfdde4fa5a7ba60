/// The 6-digit prefixes of the sandbox's 8-digit REST error codes, one per operation.
///
/// Zuora does not publish its prefixes; only the last two digits (the category) carry meaning for a client,
/// so these are the sandbox's own, fixed so tests and reports are stable.
enum OperationCode {
    static let general = 590_000
    static let getInvoice = 591_000
    static let updateInvoice = 591_010
    static let syncEInvoice = 591_020
    static let cancelEInvoice = 591_030
}

extension OperationCode {
    /// The operation a request path belongs to.
    static func of(path: String) -> Int {
        if path.hasSuffix("/e-invoice/sync-status") { return syncEInvoice }
        if path.hasSuffix("/e-invoice/cancel") { return cancelEInvoice }
        if path.hasPrefix("/v1/invoices/") { return updateInvoice }
        return general
    }
}
