#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InvoiceAPI
import NIOCore

/// Parses request bodies into `JSONObject`.
///
/// Goes through Foundation's `JSONDecoder` until the shared `JSONParser` lands in `InvoiceAPI`; this is the
/// one place to swap. Foundation does not promise member order (harmless here: the sandbox looks members up
/// by name) and gives numbers as `Decimal` (their text may lose trailing zeros; no request field the sandbox
/// stores is typed as a JSON number).
enum JSONBody {
    /// Why a body is not a JSON object.
    struct Malformed: Error, Sendable {
        var message: String
    }

    /// The JSON object in `buffer`; an empty body is an empty object.
    static func parse(_ buffer: ByteBuffer) throws(Malformed) -> JSONObject {
        guard buffer.readableBytes > 0 else { return JSONObject() }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(DecodedJSON.self, from: Data(buffer.readableBytesView)).value
        } catch {
            throw Malformed(message: "The request body is not valid JSON")
        }
        guard let object = value.objectValue else {
            throw Malformed(message: "The request body must be a JSON object, not \(value.typeDescription)")
        }
        return object
    }

    /// A `Decodable` adapter from Foundation's decoder to `JSONValue`.
    private struct DecodedJSON: Decodable {
        var value: JSONValue

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        /// Tries the likeliest kinds first: Foundation reports a kind mismatch by throwing, which is costly.
        init(from decoder: any Decoder) throws {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                value = .null
            } else if let text = try? single.decode(String.self) {
                value = .string(text)
            } else if let flag = try? single.decode(Bool.self) {
                value = .bool(flag)
            } else if let keyed = try? decoder.container(keyedBy: Key.self) {
                var object = JSONObject()
                for key in keyed.allKeys {
                    object[key.stringValue] = try keyed.decode(DecodedJSON.self, forKey: key).value
                }
                value = .object(object)
            } else if var unkeyed = try? decoder.unkeyedContainer() {
                var elements: [JSONValue] = []
                while !unkeyed.isAtEnd {
                    elements.append(try unkeyed.decode(DecodedJSON.self).value)
                }
                value = .array(elements)
            } else {
                value = .number("\(try single.decode(Decimal.self))")
            }
        }
    }
}
