import InvoiceAPI

extension SandboxInvoice {
    /// The e-invoice states whose file can be canceled: issued and accepted by the authority.
    static let cancelableEInvoiceStates: Set<EInvoiceStatus> = [.success, .approvedByAuthority, .conditionalSuccess]

    /// Accepts `PUT …/e-invoice/sync-status`: only from Processing, ApprovedByAuthority, RetrieveTimeout or
    /// Failed (the page's note). The background step that follows moves the status to `Success` after
    /// `delay` (see `settle(now:)`).
    mutating func requestEInvoiceSync(now: ContinuousClock.Instant, delay: Duration) throws(SandboxFailure) {
        guard einvoiceStatus.isSyncable else {
            throw SandboxFailure(
                .ruleRestriction,
                "The e-invoice status of invoice \(number) is \(einvoiceStatus.rawValue); the status can be synced "
                    + "only when it is Processing, ApprovedByAuthority, RetrieveTimeout or Failed"
            )
        }
        einvoiceSyncCompletesAt = now.advanced(by: delay)
    }

    /// Accepts `PUT …/e-invoice/cancel` when the e-invoice was issued and accepted (`Success`,
    /// `ApprovedByAuthority`, `ConditionalSuccess`); the e-invoice status becomes `Canceled`, the invoice's
    /// own status does not change.
    mutating func cancelEInvoice() throws(SandboxFailure) {
        guard einvoiceStatus != .canceled else {
            throw SandboxFailure(.ruleRestriction, "The e-invoice of invoice \(number) is already canceled")
        }
        guard Self.cancelableEInvoiceStates.contains(einvoiceStatus) else {
            throw SandboxFailure(
                .ruleRestriction,
                "The e-invoice of invoice \(number) is \(einvoiceStatus.rawValue); only an e-invoice in Success, "
                    + "ApprovedByAuthority or ConditionalSuccess status can be canceled"
            )
        }
        einvoiceStatus = .canceled
        einvoiceSyncCompletesAt = nil
    }
}
