import InvoiceAPI
import NIOCore

/// Parses request bodies into `JSONObject` with the shared strict parser, so the sandbox reads exactly what the
/// client wrote: member order, number text, and a duplicate key refused rather than silently merged.
enum JSONBody {
    /// Why a body is not a JSON object.
    struct Malformed: Error, Sendable {
        var message: String
    }

    /// The JSON object in `buffer`; an empty body is an empty object.
    static func parse(_ buffer: ByteBuffer) throws(Malformed) -> JSONObject {
        guard buffer.readableBytes > 0 else { return JSONObject() }
        let value: JSONValue
        do throws(JSONParseError) {
            value = try JSONParser().parse(Array(buffer.readableBytesView))
        } catch {
            throw Malformed(message: "The request body is not valid JSON: \(error.message)")
        }
        guard let object = value.objectValue else {
            throw Malformed(message: "The request body must be a JSON object, not \(value.typeDescription)")
        }
        return object
    }
}
