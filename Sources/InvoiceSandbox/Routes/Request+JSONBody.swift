import Hummingbird
import InvoiceAPI

extension Request {
    /// The body as a JSON object, or a 400 in the provider's shape when it is not one.
    func jsonObject(maxBytes: Int, operation: Int = OperationCode.general) async throws -> JSONObject {
        let buffer = try await body.collect(upTo: maxBytes)
        do {
            return try JSONBody.parse(buffer)
        } catch {
            throw ProviderError(.badRequest, operation: operation, SandboxFailure(.malformedRequest, error.message))
        }
    }

    /// The query parameters named in `schema`, typed as the rules expect: `true`/`false` (any case) become
    /// JSON booleans, anything else stays text and fails the boolean rule. Other parameters are ignored, as
    /// the provider ignores them.
    func queryObject(_ schema: Schema?) -> JSONObject {
        var object = JSONObject()
        guard let schema else { return object }
        for (key, value) in uri.queryParameters where schema.field(named: String(key)) != nil {
            switch value.lowercased() {
            case "true": object[String(key)] = .bool(true)
            case "false": object[String(key)] = .bool(false)
            default: object[String(key)] = .string(String(value))
            }
        }
        return object
    }
}
