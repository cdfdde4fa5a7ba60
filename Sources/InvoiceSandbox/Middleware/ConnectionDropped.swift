#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// The error that ends a request whose connection the sandbox dropped on purpose (`resetRate`).
///
/// The connection is closed with `SO_LINGER` 0, so the client's kernel gets a TCP reset instead of an answer:
/// the client sees a connection error, never a status code. Thrown afterwards so no layer tries to answer;
/// Hummingbird's attempt to write its fallback 500 fails on the closed channel and is dropped.
struct ConnectionDropped: Error, CustomStringConvertible {
    var description: String { "the sandbox dropped the connection (injected reset)" }

    /// Resets `channel` and returns the error to throw.
    static func drop(_ channel: any Channel) async -> ConnectionDropped {
        if let provider = channel as? any SocketOptionProvider {
            try? await provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close()
        return ConnectionDropped()
    }
}
