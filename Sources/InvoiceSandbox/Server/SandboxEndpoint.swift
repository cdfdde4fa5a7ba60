/// Where a sandbox listens.
public struct SandboxEndpoint: Sendable, Hashable {
    public let host: String
    /// The bound port (the system's choice when the configuration asked for 0).
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `http://127.0.0.1:54321` (IPv6 hosts in brackets): the Zuora base URL and the AppZen base URL alike.
    public var baseURL: String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }
}
