/// The request bodies and query parameters of the five operations, field by field from `api/`.
///
/// Where the page and the OpenAPI excerpt disagree, the page wins (noted per field): `invoiceItems[].amount`
/// is a String on the page (a number in the OpenAPI); the OpenAPI's item fields `bookingReference`, `delete`
/// and `productRatePlanChargeId` are not on the page and are never sent. `templateId`, `comments`' 255-character
/// limit, the NetSuite fields' 255-character limits and custom `*__c` fields come from the OpenAPI's
/// `PutInvoiceType`, which the page does not contradict.
public enum RequestSchemas {
    /// `invoiceItems[].discountItems[]` of `PUT /v1/invoices/{invoiceKey}`.
    public static let discountItem = Schema(
        [
            FieldSpec("id", .text),
            FieldSpec("amount", .decimal, required: true),
            FieldSpec("accountingCode", .text),
            FieldSpec("adjustmentLiabilityAccountingCode", .text),
            FieldSpec("adjustmentRevenueAccountingCode", .text),
            FieldSpec("bookingReference", .text),
            FieldSpec("chargeDate", .dateTime),
            FieldSpec("chargeName", .text),
            FieldSpec("contractAssetAccountingCode", .text),
            FieldSpec("contractLiabilityAccountingCode", .text),
            FieldSpec("contractRecognizedRevenueAccountingCode", .text),
            FieldSpec("deferredRevenueAccountingCode", .text),
            FieldSpec("description", .text),
            FieldSpec("itemType", .text),
            FieldSpec("purchaseOrderNumber", .text),
            FieldSpec("recognizedRevenueAccountingCode", .text),
            FieldSpec("revRecCode", .text),
            FieldSpec("revRecTriggerCondition", .oneOf(revRecTriggerConditions)),
            FieldSpec("revenueRecognitionRuleName", .text),
            FieldSpec("sku", .text),
            FieldSpec("unbilledReceivablesAccountingCode", .text),
            FieldSpec("unitPrice", .decimal),
            FieldSpec("IntegrationId__NS", .text, maxLength: 255),
            FieldSpec("IntegrationStatus__NS", .text, maxLength: 255),
            FieldSpec("SyncDate__NS", .text, maxLength: 255),
        ],
        allowsCustomFields: true
    )

    /// `invoiceItems[]` of `PUT /v1/invoices/{invoiceKey}`.
    public static let invoiceItem = Schema(
        [
            FieldSpec("id", .text),
            FieldSpec("accountingCode", .text),
            FieldSpec("adjustmentLiabilityAccountingCode", .text),
            FieldSpec("adjustmentRevenueAccountingCode", .text),
            FieldSpec("amount", .decimal),
            FieldSpec("chargeDate", .dateTime),
            FieldSpec("chargeName", .text),
            FieldSpec("contractAssetAccountingCode", .text),
            FieldSpec("contractLiabilityAccountingCode", .text),
            FieldSpec("contractRecognizedRevenueAccountingCode", .text),
            FieldSpec("deferredRevenueAccountingCode", .text),
            FieldSpec("description", .text),
            FieldSpec("excludeItemBillingFromRevenueAccounting", .boolean),
            FieldSpec("itemType", .text),
            FieldSpec("purchaseOrderNumber", .text),
            FieldSpec("quantity", .decimal),
            FieldSpec("recognizedRevenueAccountingCode", .text),
            FieldSpec("revRecCode", .text),
            FieldSpec("revRecTriggerCondition", .oneOf(revRecTriggerConditions)),
            FieldSpec("revenueRecognitionRuleName", .text),
            FieldSpec("serviceEndDate", .date),
            FieldSpec("serviceStartDate", .date),
            FieldSpec("sku", .text),
            FieldSpec("taxCode", .text),
            FieldSpec("taxMode", .oneOf(["TaxExclusive", "TaxInclusive"])),
            FieldSpec("unbilledReceivablesAccountingCode", .text),
            FieldSpec("unitPrice", .decimal),
            FieldSpec("uom", .text),
            FieldSpec("IntegrationId__NS", .text, maxLength: 255),
            FieldSpec("IntegrationStatus__NS", .text, maxLength: 255),
            FieldSpec("SyncDate__NS", .text, maxLength: 255),
            FieldSpec("discountItems", .list(discountItem, maxItems: maxDiscountItems)),
        ],
        allowsCustomFields: true
    )

    /// The body of `PUT /v1/invoices/{invoiceKey}` (action `update`).
    public static let updateInvoice = Schema(
        [
            FieldSpec("dueDate", .date),
            FieldSpec("invoiceDate", .date),
            FieldSpec("autoPay", .boolean),
            FieldSpec("comments", .text, maxLength: 255),
            FieldSpec("transferredToAccounting", .oneOf(transferredToAccountingValues)),
            FieldSpec("templateId", .text),
            FieldSpec("IntegrationId__NS", .text, maxLength: 255),
            FieldSpec("IntegrationStatus__NS", .text, maxLength: 255),
            FieldSpec("SyncDate__NS", .text, maxLength: 255),
            FieldSpec("invoiceItems", .list(invoiceItem, maxItems: maxInvoiceItems)),
        ],
        allowsCustomFields: true
    )

    /// The body of `PUT /v1/object/invoice/{id}` (action `object-update`).
    public static let objectUpdateInvoice = Schema(
        [
            FieldSpec("Status", .oneOf(invoiceStatusValues), maxLength: 8),
            FieldSpec("RegenerateInvoicePDF", .boolean),
            FieldSpec("TransferredToAccounting", .oneOf(transferredToAccountingValues), maxLength: 10),
            FieldSpec("IntegrationId__NS", .text, maxLength: 255),
            FieldSpec("IntegrationStatus__NS", .text, maxLength: 255),
            FieldSpec("SyncDate__NS", .text, maxLength: 255),
        ],
        allowsCustomFields: true
    )

    /// The query of `PUT /v1/object/invoice/{id}`.
    public static let objectUpdateQuery = Schema([FieldSpec("rejectUnknownFields", .boolean)])

    /// The query of `PUT /v1/invoices/{invoiceKey}/e-invoice/sync-status` (action `einvoice-sync`; no body).
    public static let einvoiceSyncQuery = Schema([FieldSpec("shouldIncludeAcknowledged", .boolean)])

    /// The body of `PUT /v1/invoices/{invoiceKey}/e-invoice/cancel` (action `einvoice-cancel`).
    public static let cancelEInvoice = Schema(
        [
            FieldSpec("reason", .oneOf(cancelReasons)),
            FieldSpec("documentReferenceID", .text),
        ]
    )

    /// The `error_data` object of the AppZen status sync body.
    public static let appZenErrorData = Schema(
        [
            FieldSpec("message", .text),
            FieldSpec("status", .text),
            FieldSpec("exception", .text),
        ]
    )

    /// The body of `POST /dictionary-data-services/invoice/{uuid}/status-sync` (action `appzen-sync`): the
    /// underscore names of the page's sample request; the page's hyphenated names are accepted as column aliases.
    public static let appZenStatusSync = Schema(
        [
            FieldSpec("invoice_id", .text, aliases: ["invoice-id"]),
            FieldSpec("invoice_status", .text, aliases: ["invoice-status"]),
            FieldSpec("appzen_invoice_state", .oneOf(appZenInvoiceStates), aliases: ["appzen-invoice-state"]),
            FieldSpec("timestamp", .utcTimestamp),
            FieldSpec("error_data", .object(appZenErrorData)),
        ]
    )

    public static let maxInvoiceItems = 1_000
    public static let maxDiscountItems = 10
    public static let revRecTriggerConditions = ["ServiceActivationDate", "ContractEffectiveDate", "CustomerAcceptanceDate"]
    public static let transferredToAccountingValues = ["Processing", "Error", "Yes", "Ignore"]
    public static let invoiceStatusValues = ["Draft", "Posted", "Canceled"]
    public static let cancelReasons = ["01", "02", "03", "04"]
    public static let appZenInvoiceStates = ["CREATED", "ERROR"]
}
