/// Invoice number → invoice ID, learned once per number for the whole run.
///
/// The CRUD API takes IDs only, so an `object-update` row that names an invoice by number costs one
/// `GET /v1/invoices/{number}` — the first time. Concurrent lookups of the same number share one request.
/// Only successes are kept: a lookup that failed (a timeout, an unknown number) is asked again next time.
actor InvoiceIDCache {
    private var ids: [String: String] = [:]
    private var pending: [String: Task<String, any Error>] = [:]

    /// The ID of `number`, from the cache or from `lookup`.
    ///
    /// The first caller's cancellation cancels the shared lookup; a caller that was waiting on it without
    /// being cancelled itself then starts its own.
    func id(of number: String, lookup: @escaping @Sendable () async throws -> String) async throws -> String {
        while true {
            if let id = ids[number] { return id }
            if let task = pending[number] {
                do {
                    return try await task.value
                } catch is CancellationError where !Task.isCancelled {
                    continue
                }
            }
            let task = Task { try await lookup() }
            pending[number] = task
            do {
                let id = try await withTaskCancellationHandler {
                    try await task.value
                } onCancel: {
                    task.cancel()
                }
                ids[number] = id
                pending[number] = nil
                return id
            } catch {
                pending[number] = nil
                throw error
            }
        }
    }

    /// The ID of `number` if it was looked up already.
    func cachedID(of number: String) -> String? { ids[number] }
}
