import CompressNIO
import Hummingbird
import InvoiceAPI
import NIOCore

/// Gzips answers over 1,000 bytes for a client that sent `Accept-Encoding: gzip`, as the pages say Zuora
/// does ("automatically compresses responses that contain over 1000 bytes of data").
struct ResponseCompressionMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    /// The pages' threshold: bodies of at most this many bytes go out as they are.
    static let threshold = 1_000

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let acceptsGzip = Self.acceptsGzip(request.headers[values: .acceptEncoding])
        var response = try await RenderedResponse.of(request, context, next)
        guard acceptsGzip, response.headers[.contentEncoding] == nil,
            let length = response.body.contentLength, length > Self.threshold
        else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        var plain = collector.buffer
        let compressed = try plain.compress(with: .gzip())
        response.body = ResponseBody(byteBuffer: compressed)
        response.headers[.contentEncoding] = "gzip"
        response.headers[.vary] = "Accept-Encoding"
        return response
    }

    /// Whether `Accept-Encoding` lists `gzip` (or `*`) with a quality above zero.
    static func acceptsGzip(_ values: [String]) -> Bool {
        for value in values {
            for entry in value.split(separator: ",") {
                let parts = entry.split(separator: ";").map { $0.trimmingSpaces().lowercased() }
                guard let coding = parts.first, ["gzip", "x-gzip", "*"].contains(coding) else { continue }
                let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
                if quality > 0 { return true }
            }
        }
        return false
    }
}

/// A response-body writer that keeps what it is given, to gzip a body after the handler made it.
final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        self.buffer.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
