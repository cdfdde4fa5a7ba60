/// The run's Zuora bearer token: fetched with the client credentials at `POST /oauth/token`, cached for its
/// `expires_in`, refreshed ahead of expiry, and refreshed once — for all rows together — after a 401.
///
/// An actor because it is real shared mutable state: every row task asks it for the token, and the token
/// endpoint is rate limited itself, so concurrent callers must share one refresh ("single flight") rather than
/// each fetch a token. A run makes a few token requests, never one per row.
///
/// Refresh policy: a token is used until less than `min(20 % of its lifetime, 60 s)` remains; then the first
/// caller starts a refresh in the background and every caller keeps using the still-valid token until the new
/// one arrives. Only when no valid token is left do callers wait. Bad credentials (a 4xx from the token
/// endpoint) fail every later call at once with the same error instead of asking again.
actor ZuoraTokenProvider {
    /// A token and when to stop using it.
    struct Token: Sendable {
        var value: String
        /// From here on, a refresh is started.
        var refreshAt: ContinuousClock.Instant
        /// From here on, the token is not used.
        var expiresAt: ContinuousClock.Instant
    }

    let transport: HTTPTransport
    let baseURL: String
    let clientID: String
    let clientSecret: String
    let retry: RetryPolicy
    /// Credentials to list as secrets in every token exchange.
    let secrets: [String]

    private var current: Token?
    private var refreshing = false
    private var waiters: [Int: CheckedContinuation<String, any Error>] = [:]
    private var nextWaiterID = 0
    private var permanentFailure: ClientError?
    private var backgroundRetryNotBefore: ContinuousClock.Instant?
    /// HTTP requests made to the token endpoint.
    private(set) var requestCount = 0

    init(
        transport: HTTPTransport, baseURL: String, clientID: String, clientSecret: String, retry: RetryPolicy,
        secrets: [String]
    ) {
        self.transport = transport
        self.baseURL = baseURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.retry = retry
        self.secrets = secrets
    }

    /// A token valid now.
    /// - Throws: `ClientError` when no token can be had (bad credentials, endpoint unreachable), or
    ///   `CancellationError` when the caller is cancelled while waiting.
    func token() async throws -> String {
        let now = ContinuousClock.now
        if let current, now < current.expiresAt {
            if now >= current.refreshAt, !refreshing, permanentFailure == nil,
                backgroundRetryNotBefore.map({ now >= $0 }) ?? true
            {
                startRefresh()
            }
            return current.value
        }
        // Credentials refused once are refused for the run; a token still valid is used up first.
        if let permanentFailure { throw permanentFailure }
        if !refreshing { startRefresh() }
        return try await waitForRefresh()
    }

    /// Drops `token` after a 401 so the next caller refreshes; a token already replaced is left alone, so many
    /// rows reporting the same dead token cause one refresh.
    func invalidate(_ token: String) {
        if current?.value == token { current = nil }
    }

    private func startRefresh() {
        refreshing = true
        Task { await self.refresh() }
    }

    private func refresh() async {
        let (result, requests) = await fetch()
        requestCount += requests
        refreshing = false
        let waiting = waiters
        waiters = [:]
        switch result {
        case .success(let token):
            current = token
            backgroundRetryNotBefore = nil
            for continuation in waiting.values { continuation.resume(returning: token.value) }
        case .failure(let failure):
            if failure.permanent { permanentFailure = failure.error }
            backgroundRetryNotBefore = .now + .seconds(5)
            for continuation in waiting.values { continuation.resume(throwing: failure.error) }
        }
    }

    private func waitForRefresh() async throws -> String {
        let id = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<String, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume(throwing: CancellationError())
    }
}
