import Hummingbird
public import Logging
import NIOCore
public import ServiceLifecycle

/// The sandbox as a `Service`: runs until its service group shuts it down gracefully, so it can sit beside
/// other services in a caller's `ServiceGroup`.
public struct SandboxServer: Service, CustomStringConvertible {
    /// The tenant this server serves.
    public let state: SandboxState
    private let logger: Logger
    private let onStarted: @Sendable (SandboxEndpoint) async -> Void

    /// - Parameter onStarted: called once the server listens, with the address it is bound to.
    public init(state: SandboxState, logger: Logger, onStarted: @escaping @Sendable (SandboxEndpoint) async -> Void = { _ in }) {
        self.state = state
        self.logger = logger
        self.onStarted = onStarted
    }

    public var description: String { "SandboxServer" }

    public func run() async throws {
        let host = state.configuration.host
        let onStarted = self.onStarted
        let application = Sandbox.application(state: state, logger: logger) { channel in
            await onStarted(SandboxEndpoint(host: host, port: channel.localAddress?.port ?? 0))
        }
        try await application.run()
    }
}
