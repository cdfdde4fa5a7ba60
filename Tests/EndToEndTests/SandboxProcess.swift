import Foundation
import Testing

/// `invoicebatch sandbox --port 0 …` as a separate process: a target whose state outlives one `run`, and that a
/// test can question (`/sandbox/stats`, `GET /v1/invoices/{key}`) the way `reconcile --verify` does.
final class SandboxProcess: @unchecked Sendable {
    // `@unchecked Sendable`: `token` is only touched under `lock`; the rest is set once in `init`.
    let command: BackgroundCommand
    /// `http://127.0.0.1:PORT`, from the banner's first line.
    let baseURL: String
    /// The banner's `export NAME=value` lines: what `run` needs in its environment for this sandbox.
    let credentials: [String: String]
    private let lock = NSLock()
    private var token: String?

    /// Starts a sandbox on a free loopback port with `arguments` (`--latency-ms 30`, …) and waits for its banner.
    init(_ arguments: [String] = []) throws {
        command = try BackgroundCommand(["sandbox", "--port", "0", "--invoices", "100"] + arguments)
        guard command.waitForOutput("Press Ctrl-C to stop.") else {
            let result = command.finish(timeout: 5).result
            throw SandboxProcessError("the sandbox did not start: \(result.stdout) \(result.stderr)")
        }
        let banner = command.stdout.text
        guard let firstLine = banner.split(separator: "\n").first,
            let range = firstLine.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression)
        else {
            throw SandboxProcessError("no base URL in the sandbox's banner: \(banner)")
        }
        baseURL = String(firstLine[range])
        var credentials: [String: String] = [:]
        for line in banner.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("export "), let equals = text.firstIndex(of: "=") else { continue }
            let name = String(text[text.index(text.startIndex, offsetBy: "export ".count)..<equals])
            credentials[name] = String(text[text.index(after: equals)...])
        }
        self.credentials = credentials
    }

    /// `--zuora-url` and `--appzen-url` naming this sandbox.
    var targetArguments: [String] { ["--zuora-url", baseURL, "--appzen-url", baseURL] }

    /// Stops the sandbox with Ctrl-C, as a user does.
    func stop() {
        command.interrupt()
        _ = command.finish(timeout: 10)
    }

    /// `GET /sandbox/stats`.
    func stats() throws -> SandboxStats {
        let (status, body) = try Curl.request(baseURL + "/sandbox/stats")
        guard status == 200 else { throw SandboxProcessError("GET /sandbox/stats answered \(status)") }
        return try JSONDecoder().decode(SandboxStats.self, from: body)
    }

    /// `GET /v1/invoices/{key}` with a token of our own; retried, since a faulty sandbox also fails reads.
    func invoice(_ key: String) throws -> SandboxInvoiceView {
        var last = ""
        for _ in 0..<20 {
            let (status, body) = try Curl.request(
                baseURL + "/v1/invoices/" + key, headers: ["Authorization: Bearer \(bearerToken())"])
            if status == 200, let invoice = try? JSONDecoder().decode(SandboxInvoiceView.self, from: body) {
                return invoice
            }
            last = "\(status) \(String(decoding: body, as: UTF8.self))"
            if status == 401 { clearToken() }
            if status == 429 { Thread.sleep(forTimeInterval: 0.2) }
        }
        throw SandboxProcessError("GET /v1/invoices/\(key) kept failing: \(last)")
    }

    /// `GET /v1/invoices/{key}` for each of `keys`, through one curl per round (a faulty sandbox fails some
    /// reads: they are asked again in the next round).
    func invoices(_ keys: [String]) throws -> [String: SandboxInvoiceView] {
        var found: [String: SandboxInvoiceView] = [:]
        var pending = keys
        var last = ""
        for _ in 0..<20 where !pending.isEmpty {
            let answers = try Curl.requests(
                pending.map { baseURL + "/v1/invoices/" + $0 }, headers: ["Authorization: Bearer \(bearerToken())"]
            )
            var next: [String] = []
            for (key, (status, body)) in zip(pending, answers) {
                if status == 200, let invoice = try? JSONDecoder().decode(SandboxInvoiceView.self, from: body) {
                    found[key] = invoice
                } else {
                    next.append(key)
                    last = "\(key): \(status) \(String(decoding: body, as: UTF8.self))"
                    if status == 401 { clearToken() }
                }
            }
            if next.count == pending.count { Thread.sleep(forTimeInterval: 0.2) }
            pending = next
        }
        guard pending.isEmpty else { throw SandboxProcessError("GET /v1/invoices kept failing: \(last)") }
        return found
    }

    /// A bearer token from `POST /oauth/token` (cached until a 401).
    func bearerToken() throws -> String {
        lock.lock()
        let cached = token
        lock.unlock()
        if let cached { return cached }
        let (status, body) = try Curl.request(
            baseURL + "/oauth/token", method: "POST",
            form: [
                "grant_type": "client_credentials", "client_id": credentials["ZUORA_CLIENT_ID"] ?? "",
                "client_secret": credentials["ZUORA_CLIENT_SECRET"] ?? "",
            ]
        )
        struct TokenAnswer: Decodable { let access_token: String }
        guard status == 200, let answer = try? JSONDecoder().decode(TokenAnswer.self, from: body) else {
            throw SandboxProcessError("POST /oauth/token answered \(status): \(String(decoding: body, as: UTF8.self))")
        }
        lock.lock()
        token = answer.access_token
        lock.unlock()
        return answer.access_token
    }

    private func clearToken() {
        lock.lock()
        token = nil
        lock.unlock()
    }
}

struct SandboxProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `GET /sandbox/stats` (`SandboxStatistics.json`).
struct SandboxStats: Decodable {
    struct ChangeLog: Decodable {
        let id: String
        let count: Int
        let changes: [Change]
    }

    struct Change: Decodable {
        let action: String
        let fields: [String: LooseJSON]
        let requestId: String
        let trackId: String?
    }

    let totalRequests: Int
    /// Route (`PUT /v1/invoices/{invoiceKey}`) → status (`200`, `429`, `reset`) → count.
    let requests: [String: [String: Int]]
    let tooManyRequests: Int
    let faults: [String: Int]
    let tokenRequests: Int
    let tokensIssued: Int
    let overlappingChanges: Int
    let appliedChanges: Int
    /// Invoice number → its applied changes.
    let invoices: [String: ChangeLog]

    /// Requests to any `/v1` route, whatever the answer.
    var v1Requests: Int {
        requests.filter { $0.key.contains(" /v1/") }.values.reduce(0) { $0 + $1.values.reduce(0, +) }
    }

    /// Requests to the AppZen routes, whatever the answer.
    var appZenRequests: Int {
        requests.filter { $0.key.contains("/dictionary-data-services/") }.values.reduce(0) {
            $0 + $1.values.reduce(0, +)
        }
    }
}

/// The members of `GET /v1/invoices/{key}` the tests compare.
struct SandboxInvoiceView: Decodable {
    let id: String
    let invoiceNumber: String
    let status: String
    let dueDate: String
    let comments: String?
    let einvoiceStatus: String
    let transferredToAccounting: String
    let appZenUUID: String?
    let integrationStatus: String?

    enum CodingKeys: String, CodingKey {
        case id, invoiceNumber, status, dueDate, comments, einvoiceStatus, transferredToAccounting
        case appZenUUID = "AppZenUuid__c"
        case integrationStatus = "IntegrationStatus__NS"
    }
}

/// Any JSON value, kept loosely (`fields` of an applied change).
enum LooseJSON: Decodable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            self = .other
        }
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// HTTP from the tests through curl (no second HTTP stack to trust).
enum Curl {
    /// GETs of `urls` one after another in one curl process; each answer's status (0: no answer) and body. The
    /// bodies must be one line each (the sandbox writes compact JSON).
    static func requests(_ urls: [String], headers: [String] = []) throws -> [(status: Int, body: Data)] {
        var arguments = ["-s", "-w", "\n%{http_code}\n", "--max-time", "20"]
        for header in headers { arguments += ["-H", header] }
        arguments += urls
        let data = try curl(arguments)
        // Each transfer writes its body (maybe nothing), then "\n<status>\n".
        var answers: [(Int, Data)] = []
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        while answers.count < urls.count, lines.count >= 2 {
            let body = lines.removeFirst()
            let status = Int(String(decoding: lines.removeFirst(), as: UTF8.self)) ?? 0
            answers.append((status, Data(body)))
        }
        while answers.count < urls.count { answers.append((0, Data())) }
        return answers
    }

    /// `curl arguments…`: what it wrote to standard output (its errors are not wanted: a status of 0 says it).
    private static func curl(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// One request; returns the status (0 when no answer came: a dropped connection) and the body.
    static func request(
        _ url: String, method: String = "GET", headers: [String] = [], form: [String: String] = [:]
    ) throws -> (status: Int, body: Data) {
        var arguments = ["-s", "-X", method, "-o", "-", "-w", "\n%{http_code}", "--max-time", "20"]
        for header in headers { arguments += ["-H", header] }
        for (name, value) in form.sorted(by: { $0.key < $1.key }) {
            arguments += ["--data-urlencode", "\(name)=\(value)"]
        }
        arguments.append(url)
        let data = try curl(arguments)
        guard let newline = data.lastIndex(of: UInt8(ascii: "\n")) else { return (0, Data()) }
        let status = Int(String(decoding: data[(newline + 1)...], as: UTF8.self)) ?? 0
        return (status, Data(data[..<newline]))
    }
}
