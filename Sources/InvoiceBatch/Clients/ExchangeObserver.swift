/// Sees every HTTP exchange the client makes — row requests, token requests, read-backs, key resolutions —
/// so the audit log can record each attempt as it happened.
///
/// Called synchronously on the request's task once the exchange ends (answered or failed): keep it cheap
/// (hand the value to a writer). The exchange is the real one, secrets included; an observer that writes it
/// anywhere must redact `HTTPExchange.secrets` first.
public protocol ExchangeObserver: Sendable {
    func observe(_ exchange: HTTPExchange)
}
