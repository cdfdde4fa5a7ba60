import CompressNIO
import Hummingbird
import InvoiceAPI
import NIOCore

/// Accepts request bodies sent with `Content-Encoding: gzip` (the pages: "upload a gzipped file for the
/// request payload"), handing the handlers the inflated JSON. A body that says gzip but is not gzip data (the
/// RFC 1952 magic bytes, then a valid stream) is refused with 400, so a client that sends a raw zlib stream or
/// forgets to compress finds out here rather than in production.
struct RequestDecompressionMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    /// The largest body accepted, compressed or inflated.
    let maxBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let encoding = request.headers[.contentEncoding]?.trimmingSpaces().lowercased(),
            !encoding.isEmpty, encoding != "identity"
        else {
            return try await next(request, context)
        }
        guard encoding == "gzip" || encoding == "x-gzip" else {
            throw ProviderError(
                .unsupportedMediaType,
                SandboxFailure(.malformedRequest, "Content-Encoding '\(encoding)' is not supported; send gzip or nothing")
            )
        }
        var request = request
        var compressed = try await request.body.collect(upTo: maxBytes)
        guard compressed.readableBytes >= 18, compressed.getBytes(at: compressed.readerIndex, length: 2) == [0x1F, 0x8B] else {
            throw Self.notGzip
        }
        let inflated: ByteBuffer
        do {
            inflated = try compressed.decompress(with: .gzip(), maxSize: maxBytes)
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw ProviderError(
                .contentTooLarge, SandboxFailure(.malformedRequest, "The inflated request body is over \(maxBytes) bytes")
            )
        } catch {
            throw Self.notGzip
        }
        request.body = RequestBody(buffer: inflated)
        return try await next(request, context)
    }

    static let notGzip = ProviderError(
        .badRequest,
        SandboxFailure(
            .malformedRequest,
            "The request says Content-Encoding: gzip but its body is not gzip data (RFC 1952); compress the JSON with gzip or drop the header"
        )
    )
}
