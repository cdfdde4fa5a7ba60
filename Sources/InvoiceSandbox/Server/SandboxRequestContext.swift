public import Hummingbird
public import NIOCore

/// The request context of the sandbox: Hummingbird's core context, the connection (so a fault can drop
/// it), and the Zuora IDs of the request that several layers need.
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on.
    public let channel: any Channel
    /// The `Zuora-Request-Id` this request is answered with (set by the headers middleware).
    public var requestID: String = ""
    /// The `Zuora-Track-Id` the client sent, if any.
    public var trackID: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
