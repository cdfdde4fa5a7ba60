#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import InvoiceAPI

extension ClientCredentials {
    /// The variables read, as DESIGN.md names them.
    public enum Variable {
        public static let zuoraClientID = "ZUORA_CLIENT_ID"
        public static let zuoraClientSecret = "ZUORA_CLIENT_SECRET"
        public static let zuoraBearerToken = "ZUORA_BEARER_TOKEN"
        public static let appZenAPIKey = "APPZEN_API_KEY"
        public static let appZenCustomerID = "APPZEN_CUSTOMER_ID"
        public static let appZenCustomerKey = "APPZEN_CUSTOMER_KEY"

        public static let all = [
            zuoraClientID, zuoraClientSecret, zuoraBearerToken, appZenAPIKey, appZenCustomerID, appZenCustomerKey,
        ]
    }

    /// The credentials in `environment`, and in the file at `file` if given.
    ///
    /// A file given explicitly (a flag) wins over the environment, key by key, as every setting's precedence
    /// does (flag > environment > default). Empty values count as unset. Client credentials win over
    /// `ZUORA_BEARER_TOKEN` when both are present, since only they can be refreshed.
    ///
    /// - Parameters:
    ///   - environment: The process environment (injectable for tests), e.g. `ProcessInfo.processInfo.environment`.
    ///   - file: A credentials file of `KEY=VALUE` lines; `#` starts a comment line; `export KEY=VALUE` and
    ///     quoted values (`"…"`, `'…'`) are accepted, as a shell `.env` file writes them.
    /// - Throws: `CredentialsError` for an unreadable file, a malformed line, or an incomplete set.
    public static func load(environment: [String: String], file: String? = nil) throws(CredentialsError)
        -> ClientCredentials
    {
        var values: [String: String] = [:]
        for name in Variable.all {
            if let value = environment[name], !value.isEmpty { values[name] = value }
        }
        if let file {
            for (name, value) in try parseFile(readFile(file), path: file) where !value.isEmpty {
                values[name] = value
            }
        }
        return try ClientCredentials(values: values)
    }

    /// Credentials from resolved `values` (variable name → non-empty value).
    init(values: [String: String]) throws(CredentialsError) {
        let clientID = values[Variable.zuoraClientID]
        let clientSecret = values[Variable.zuoraClientSecret]
        switch (clientID, clientSecret) {
        case (let id?, let secret?):
            self.zuora = .clientCredentials(clientID: id, clientSecret: secret)
        case (nil, nil):
            self.zuora = values[Variable.zuoraBearerToken].map(Zuora.bearerToken)
        case (nil, _?):
            throw CredentialsError(
                code: .incomplete,
                message: "\(Variable.zuoraClientSecret) is set but \(Variable.zuoraClientID) is not: set both"
            )
        case (_?, nil):
            throw CredentialsError(
                code: .incomplete,
                message: "\(Variable.zuoraClientID) is set but \(Variable.zuoraClientSecret) is not: set both"
            )
        }
        let appZenNames = [Variable.appZenAPIKey, Variable.appZenCustomerID, Variable.appZenCustomerKey]
        let missing = appZenNames.filter { values[$0] == nil }
        switch missing.count {
        case 0:
            self.appZen = AppZen(
                apiKey: values[Variable.appZenAPIKey]!, customerID: values[Variable.appZenCustomerID]!,
                customerKey: values[Variable.appZenCustomerKey]!
            )
        case appZenNames.count:
            self.appZen = nil
        default:
            throw CredentialsError(
                code: .incomplete,
                message: "AppZen needs all of \(appZenNames.joined(separator: ", ")); "
                    + "\(missing.joined(separator: " and ")) \(missing.count == 1 ? "is" : "are") not set"
            )
        }
    }

    /// The `KEY=VALUE` pairs of a credentials file's text. Unknown keys are errors (a typo would otherwise
    /// silently leave a credential unset), reported by line number and name only — never the value.
    static func parseFile(_ text: String, path: String) throws(CredentialsError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var line = String(rawLine).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)).trimmingSpaces() }
            guard let equals = line.firstIndex(of: "=") else {
                throw CredentialsError(
                    code: .malformedLine,
                    message: "\(path):\(lineNumber): expected KEY=VALUE, a # comment or a blank line"
                )
            }
            let name = String(line[..<equals]).trimmingSpaces()
            guard Variable.all.contains(name) else {
                throw CredentialsError(
                    code: .malformedLine,
                    message: "\(path):\(lineNumber): unknown key '\(name.prefix(40))'; expected one of "
                        + Variable.all.joined(separator: ", ")
                )
            }
            var value = String(line[line.index(after: equals)...]).trimmingSpaces()
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            pairs.append((name, value))
        }
        return pairs
    }

    /// The whole file as UTF-8 text (a credentials file is small).
    static func readFile(_ path: String) throws(CredentialsError) -> String {
        guard let handle = fopen(path, "rb") else {
            throw CredentialsError(
                code: .fileNotReadable,
                message: "cannot read the credentials file \(path): \(String(cString: strerror(errno)))"
            )
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count {
                if ferror(handle) != 0 {
                    throw CredentialsError(code: .fileNotReadable, message: "cannot read the credentials file \(path)")
                }
                break
            }
            if bytes.count > 1 << 20 {
                throw CredentialsError(
                    code: .fileNotReadable, message: "the credentials file \(path) is over 1 MiB; is it the right file?"
                )
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
