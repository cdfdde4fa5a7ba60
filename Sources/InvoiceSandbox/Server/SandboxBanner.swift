/// What `invoicebatch sandbox` prints once it listens: where, the credentials to use (as the environment
/// variables `invoicebatch run` reads), and curl lines that drive each operation against seeded invoices.
public enum SandboxBanner {
    /// The banner for a sandbox listening at `endpoint` with `configuration`.
    public static func text(endpoint: SandboxEndpoint, configuration: SandboxConfiguration) -> String {
        let url = endpoint.baseURL
        let credentials = configuration.credentials
        let number = "INV-00000002"
        return """
            invoicebatch sandbox: a Zuora tenant and an AppZen account on \(url) (\(configuration.invoices) invoices, seed \(configuration.seed))
            Use it as both the Zuora and the AppZen base URL, with these credentials:
              export ZUORA_CLIENT_ID=\(credentials.clientID)
              export ZUORA_CLIENT_SECRET=\(credentials.clientSecret)
              export APPZEN_API_KEY=\(credentials.appZenAPIKey)
              export APPZEN_CUSTOMER_ID=\(credentials.appZenCustomerID)
              export APPZEN_CUSTOMER_KEY=\(credentials.appZenCustomerKey)
            Try:
              TOKEN=$(curl -s \(url)/oauth/token -d client_id=$ZUORA_CLIENT_ID -d client_secret=$ZUORA_CLIENT_SECRET \\
                -d grant_type=client_credentials | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
              curl -s \(url)/v1/invoices/\(number) -H "Authorization: Bearer $TOKEN"
              curl -s -X PUT \(url)/v1/invoices/\(number) -H "Authorization: Bearer $TOKEN" \\
                -H 'Content-Type: application/json' -d '{"dueDate":"2026-12-01","comments":"from curl"}'
              curl -s -X PUT \(url)/v1/invoices/\(number)/e-invoice/sync-status -H "Authorization: Bearer $TOKEN"
              curl -s -X PUT \(url)/v1/invoices/\(number)/e-invoice/cancel -H "Authorization: Bearer $TOKEN" \\
                -H 'Content-Type: application/json' -d '{"reason":"02"}'
              curl -s -X PUT "\(url)/v1/object/invoice/<id from the GET>?rejectUnknownFields=true" \\
                -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"Status":"Posted"}'
              curl -s -X POST \(url)/dictionary-data-services/invoice/<AppZenUuid__c from the GET>/status-sync \\
                -H "x-api-key: $APPZEN_API_KEY" -H "customer-id: $APPZEN_CUSTOMER_ID" -H "customer-key: $APPZEN_CUSTOMER_KEY" \\
                -H 'Content-Type: application/json' -d '{"appzen_invoice_state":"CREATED","invoice_status":"Posted"}'
              curl -s \(url)/sandbox/stats
            Press Ctrl-C to stop.
            """
    }
}
