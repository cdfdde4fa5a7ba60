#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird
import InvoiceAPI
import NIOCore

extension Response {
    /// A JSON answer made from one of the `InvoiceAPI` wire types, so the sandbox emits exactly what the
    /// client decodes; keys sorted, so answers are stable text.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return jsonBytes(ByteBuffer(bytes: data), status: status)
    }

    /// A JSON answer built as an ordered `JSONValue` (invoices, whose custom fields are dynamic).
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        jsonBytes(ByteBuffer(bytes: JSONWriter.bytes(value)), status: status)
    }

    static func jsonBytes(_ buffer: ByteBuffer, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: buffer)
        )
    }
}
