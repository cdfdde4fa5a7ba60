import ServiceLifecycle

/// A sandbox started in this process by `Sandbox.start`: where it listens, what it accepts, what it holds,
/// and how to stop it.
public final class RunningSandbox: Sendable {
    /// The tenant: configuration, invoices, statistics.
    public let state: SandboxState
    public let endpoint: SandboxEndpoint
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(state: SandboxState, endpoint: SandboxEndpoint, group: ServiceGroup, task: Task<Void, any Error>) {
        self.state = state
        self.endpoint = endpoint
        self.group = group
        self.task = task
    }

    /// `http://127.0.0.1:<port>`: use it for both the Zuora and the AppZen base URL.
    public var baseURL: String { endpoint.baseURL }
    /// The port the sandbox is bound to.
    public var port: Int { endpoint.port }
    public var configuration: SandboxConfiguration { state.configuration }
    /// The credentials the sandbox accepts.
    public var credentials: SandboxCredentials { state.configuration.credentials }
    /// The tenant's invoices (read them, or change one behind a client's back with `store.modify`).
    public var store: InvoiceStore { state.store }
    /// What the sandbox has seen and done so far (as `GET /sandbox/stats`).
    public var statistics: SandboxStatistics { state.statistics }

    /// A valid bearer token, without going through `POST /oauth/token`.
    public func issueToken() -> String { state.issueToken() }

    /// Every invoice back to its seed, statistics zeroed (as `POST /sandbox/reset`).
    public func reset() { state.reset() }

    /// Stops accepting connections, lets requests in flight finish, and returns when the server has stopped.
    /// Calling it again is harmless.
    public func shutdown() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}
