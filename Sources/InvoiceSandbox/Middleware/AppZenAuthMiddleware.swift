import Hummingbird
import InvoiceAPI

/// AppZen's three headers: any of `x-api-key`, `customer-id`, `customer-key` missing → 401; an unknown
/// customer ID or key → 401 (the page: "the Customer Key could be missing or invalid"); the right customer
/// with a wrong `x-api-key` → 403 (the page: "the x-api key may not have permission").
struct AppZenAuthMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let state: SandboxState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let credentials = state.configuration.credentials
        guard let apiKey = request.headers[.appZenAPIKey], let customerID = request.headers[.appZenCustomerID],
            let customerKey = request.headers[.appZenCustomerKey]
        else {
            throw ProviderError(
                .unauthorized,
                SandboxFailure(.authenticationFailed, "The x-api-key, customer-id and customer-key headers are required")
            )
        }
        guard customerID == credentials.appZenCustomerID, customerKey == credentials.appZenCustomerKey else {
            throw ProviderError(
                .unauthorized, SandboxFailure(.authenticationFailed, "The customer ID or customer key is invalid")
            )
        }
        guard apiKey == credentials.appZenAPIKey else {
            throw ProviderError(
                .forbidden, SandboxFailure(.permissionDenied, "The x-api-key has no permission for this request")
            )
        }
        return try await next(request, context)
    }
}
