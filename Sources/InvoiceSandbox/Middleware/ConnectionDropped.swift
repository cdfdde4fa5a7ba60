#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// The error that ends a request whose connection the sandbox drops on purpose (`resetRate`).
///
/// Thrown by `FaultMiddleware` so no layer answers; the outermost layer (`StatsMiddleware`) counts it, then
/// calls `reset(_:)` — in that order, so the statistics already show the drop when the client notices it.
/// The connection is closed with `SO_LINGER` 0, so the client's kernel gets a TCP reset instead of an answer:
/// the client sees a connection error, never a status code. Hummingbird's attempt to write its fallback 500
/// then fails on the closed channel and is dropped.
struct ConnectionDropped: Error, CustomStringConvertible {
    var description: String { "the sandbox dropped the connection (injected reset)" }

    /// Closes `channel` with a TCP reset (a plain close where the channel is not a socket, as in router tests).
    static func reset(_ channel: any Channel) async {
        if let provider = channel as? any SocketOptionProvider {
            try? await provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close()
    }
}
