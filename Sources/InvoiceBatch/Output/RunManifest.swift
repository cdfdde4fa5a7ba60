import InvoiceAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `run.json`: what a run directory is the run *of* — the input (absolute path, size, sha256, format, separator),
/// the settings, the tool version, when it started — so `--resume` continues the same run or refuses.
///
/// Never a credential: the settings come from the caller as plain values, and `write` takes the secret values in use
/// (client secret, tokens, AppZen keys) and refuses to write if any of them appears in the text, in any escaping JSON
/// could give it. That guard is the last line of defence against a setting that was a secret by mistake (a
/// `--zuora-url` with a password in it, a header value); the settings should not hold one to begin with.
public struct RunManifest: Sendable, Hashable {
    /// `run.json`.
    public static let fileName = "run.json"

    public var runID: String
    public var toolVersion: String
    /// The input's absolute path (`-` for standard input).
    public var inputPath: String
    /// The input's size and sha256; nil for standard input.
    public var input: InputFingerprint?
    public var format: InputFormat
    /// The CSV separator in use; nil for JSONL.
    public var delimiter: UInt8?
    /// The settings in effect (concurrency, rate, chunk size, max attempts, on-failure, target, gzip-requests, …),
    /// in the caller's order.
    public var settings: JSONObject
    /// ISO 8601 UTC.
    public var createdAt: String

    public init(
        runID: String, toolVersion: String, inputPath: String, input: InputFingerprint?, format: InputFormat,
        delimiter: UInt8?, settings: JSONObject, createdAt: String
    ) {
        self.runID = runID
        self.toolVersion = toolVersion
        self.inputPath = inputPath
        self.input = input
        self.format = format
        self.delimiter = delimiter
        self.settings = settings
        self.createdAt = createdAt
    }

    /// `path` made absolute against the current directory (`-` stays `-`).
    public static func absolutePath(_ path: String) -> String {
        guard path != "-", !path.hasPrefix("/") else { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let directory = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return directory.hasSuffix("/") ? directory + relative : "\(directory)/\(relative)"
    }

    /// The manifest as JSON.
    public var jsonObject: JSONObject {
        var object = JSONObject()
        object["runId"] = .string(runID)
        object["toolVersion"] = .string(toolVersion)
        object["createdAt"] = .string(createdAt)
        var inputObject = JSONObject()
        inputObject["path"] = .string(inputPath)
        inputObject["size"] = input.map { .number(String($0.size)) } ?? .null
        inputObject["sha256"] = input.map { .string($0.sha256) } ?? .null
        inputObject["format"] = .string(format.rawValue)
        inputObject["delimiter"] = delimiter.map { .string(String(UnicodeScalar($0))) } ?? .null
        object["input"] = .object(inputObject)
        object["settings"] = .object(settings)
        return object
    }

    /// Writes `run.json` into `directory` (atomically), after checking that no secret is in it.
    /// - Parameter secrets: every credential value the run uses; empty values are ignored.
    /// - Throws: `OutputError` `.secretWouldLeak` (nothing written), `.cannotCreate`, `.writeFailed`.
    public func write(directory: String, secrets: [String]) throws(OutputError) {
        let path = Self.path(in: directory)
        let bytes = PrettyJSON.bytes(.object(jsonObject))
        if let leaked = Self.firstSecret(in: bytes, secrets: secrets) {
            throw OutputError(
                code: .secretWouldLeak,
                message: "refusing to write '\(path)': the value of a credential (\(leaked) characters) appears in the "
                    + "run settings; pass credentials through the environment or a file, never in URLs or other flags",
                path: path
            )
        }
        try OutputFile.writeAtomically(bytes, to: path)
    }

    /// The length of the first secret found in `bytes`, raw or as JSON escapes it, or nil.
    static func firstSecret(in bytes: [UInt8], secrets: [String]) -> Int? {
        for secret in secrets where !secret.isEmpty {
            var escaped: [UInt8] = []
            JSONWriter.writeString(secret, into: &escaped)
            let forms = [Array(secret.utf8), Array(escaped.dropFirst().dropLast())]
            for form in forms where contains(bytes, form) { return secret.count }
        }
        return nil
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// `<directory>/run.json`.
    public static func path(in directory: String) -> String {
        directory.hasSuffix("/") ? directory + fileName : "\(directory)/\(fileName)"
    }

    /// Reads `run.json` of `directory` (for `--resume`).
    /// - Throws: `OutputError` `.cannotRead`, `.corruptFile`.
    public static func load(directory: String) throws(OutputError) -> RunManifest {
        let path = path(in: directory)
        let bytes = try OutputFile.readWhole(path)
        func corrupt(_ what: String) -> OutputError {
            OutputError(
                code: .corruptFile,
                message: "'\(path)' \(what); it was edited or is not this tool's — start a new run with another --out",
                path: path
            )
        }
        let parsed = Result { () throws(JSONParseError) -> JSONValue in try JSONParser().parse(bytes) }
        let value: JSONValue
        switch parsed {
        case .success(let parsed): value = parsed
        case .failure(let error): throw corrupt("is not JSON (\(error.message))")
        }
        guard let object = value.objectValue else { throw corrupt("is not a JSON object") }
        func text(_ key: String, in object: JSONObject) throws(OutputError) -> String {
            guard let value = object[key]?.stringValue else { throw corrupt("has no '\(key)'") }
            return value
        }
        guard let input = object["input"]?.objectValue else { throw corrupt("has no 'input'") }
        guard let format = InputFormat(rawValue: try text("format", in: input)) else {
            throw corrupt("has no 'format'")
        }
        var fingerprint: InputFingerprint?
        if case .number(let size)? = input["size"], let size = Int(size), let sha = input["sha256"]?.stringValue {
            fingerprint = InputFingerprint(size: size, sha256: sha)
        }
        let delimiter = input["delimiter"]?.stringValue.flatMap { $0.utf8.count == 1 ? $0.utf8.first : nil }
        return RunManifest(
            runID: try text("runId", in: object), toolVersion: try text("toolVersion", in: object),
            inputPath: try text("path", in: input), input: fingerprint, format: format, delimiter: delimiter,
            settings: object["settings"]?.objectValue ?? JSONObject(), createdAt: try text("createdAt", in: object)
        )
    }

    /// Checks that `current` is the input this run started with.
    /// - Throws: `OutputError` `.inputChanged` naming both fingerprints.
    public func verifySameInput(_ current: InputFingerprint?) throws(OutputError) {
        guard let recorded = input else {
            throw OutputError(
                code: .inputChanged,
                message: "this run read standard input, which cannot be read again; it cannot be resumed — run the "
                    + "rows without a result again from a file (reconcile lists them)",
                path: inputPath
            )
        }
        guard let current, current == recorded else {
            let now = current.map { "\($0.size) bytes, sha256 \($0.sha256)" } ?? "unreadable"
            throw OutputError(
                code: .inputChanged,
                message: "'\(inputPath)' changed since the run started (was \(recorded.size) bytes, sha256 "
                    + "\(recorded.sha256); now \(now)); --resume needs the same file — put it back, or start a new "
                    + "run with another --out",
                path: inputPath
            )
        }
    }
}
