public import Hummingbird
public import Logging
public import NIOCore
import ServiceLifecycle
import UnixSignals

/// The sandbox application as Hummingbird runs it.
public typealias SandboxApplication = Application<RouterResponder<SandboxRequestContext>>

/// The embedded sandbox: a stateful Zuora tenant and AppZen account on a loopback port (DESIGN.md, "The
/// embedded sandbox"), started three ways:
///
/// - in-process for a run or a test: `let sandbox = try await Sandbox.start(configuration, logger: logger)`,
///   then `sandbox.baseURL`, …, `try await sandbox.shutdown()` — or scoped, `Sandbox.withRunning { … }`;
/// - as a server until Ctrl-C: `Sandbox.serve(configuration, logger:onStarted:)` (`invoicebatch sandbox`);
/// - under a test framework: `Sandbox.application(state:logger:)` and `app.test(.router)`.
public enum Sandbox {
    /// The sandbox over `state` as a Hummingbird application, bound to the configuration's host and port.
    /// - Parameter onServerRunning: called with the listening channel (its `localAddress` has the port).
    public static func application(
        state: SandboxState,
        logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> SandboxApplication {
        Application(
            router: SandboxRouter.make(state: state),
            configuration: ApplicationConfiguration(
                address: .hostname(state.configuration.host, port: state.configuration.port)
            ),
            onServerRunning: onServerRunning,
            logger: logger
        )
    }

    /// Starts a sandbox in this process and returns once it listens (on an ephemeral port if the
    /// configuration's port is 0). Stop it with `RunningSandbox.shutdown()`.
    /// - Throws: the server's error if it cannot start (e.g. the port is taken).
    public static func start(_ configuration: SandboxConfiguration = SandboxConfiguration(), logger: Logger) async throws
        -> RunningSandbox
    {
        let state = SandboxState(configuration: configuration)
        let started = OneShot<SandboxEndpoint>()
        let server = SandboxServer(state: state, logger: logger) { endpoint in started.succeed(endpoint) }
        let group = ServiceGroup(configuration: .init(services: [server], logger: logger))
        let task = Task {
            do {
                try await group.run()
                started.fail(SandboxStartError(message: "the sandbox stopped before it listened"))
            } catch {
                started.fail(error)
                throw error
            }
        }
        let endpoint: SandboxEndpoint
        do {
            endpoint = try await started.value
        } catch {
            _ = await task.result
            throw error
        }
        return RunningSandbox(state: state, endpoint: endpoint, group: group, task: task)
    }

    /// Runs `body` with a sandbox started in this process, and shuts it down afterwards, whatever `body` does.
    public static func withRunning<Result: Sendable>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        logger: Logger,
        _ body: (RunningSandbox) async throws -> Result
    ) async throws -> Result {
        let sandbox = try await start(configuration, logger: logger)
        do {
            let result = try await body(sandbox)
            try await sandbox.shutdown()
            return result
        } catch {
            try? await sandbox.shutdown()
            throw error
        }
    }

    /// Serves until SIGINT or SIGTERM, then shuts down gracefully (requests in flight are answered).
    /// - Parameter onStarted: called once the sandbox listens, e.g. to print where and with what credentials.
    public static func serve(
        _ configuration: SandboxConfiguration,
        logger: Logger,
        onStarted: @escaping @Sendable (SandboxEndpoint) async -> Void
    ) async throws {
        let server = SandboxServer(state: SandboxState(configuration: configuration), logger: logger, onStarted: onStarted)
        let group = ServiceGroup(
            configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
    }
}

/// Why a sandbox did not start.
public struct SandboxStartError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
