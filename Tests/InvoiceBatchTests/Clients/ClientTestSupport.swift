import AsyncHTTPClient
import InvoiceAPI
import InvoiceBatch
import InvoiceSandbox
import Logging
import Synchronization
import Testing

/// A `RequestPacer` that never waits and remembers what it was asked and told.
final class RecordingPacer: RequestPacer {
    private let state = Mutex<(acquires: Int, signals: [PacingSignal])>((0, []))

    func acquire() async throws {
        try Task.checkCancellation()
        state.withLock { $0.acquires += 1 }
    }

    func record(_ signal: PacingSignal) {
        state.withLock { $0.signals.append(signal) }
    }

    var acquires: Int { state.withLock { $0.acquires } }
    var signals: [PacingSignal] { state.withLock { $0.signals } }

    /// The `Retry-After` of every 429 reported.
    var tooManyRequests: [Duration?] {
        signals.compactMap { signal in
            if case .tooManyRequests(let retryAfter) = signal { return retryAfter }
            return nil
        }
    }
}

/// A `RequestPacer` that never lets a request go: `acquire()` waits until its task is cancelled.
final class ClosedPacer: RequestPacer {
    func acquire() async throws {
        while true { try await Task.sleep(for: .seconds(60)) }
    }

    func record(_ signal: PacingSignal) {}
}

/// Keeps every exchange the client reports.
final class RecordingObserver: ExchangeObserver {
    private let exchanges = Mutex<[HTTPExchange]>([])

    func observe(_ exchange: HTTPExchange) {
        exchanges.withLock { $0.append(exchange) }
    }

    var all: [HTTPExchange] { exchanges.withLock { $0 } }

    func of(_ kind: HTTPExchange.Kind) -> [HTTPExchange] { all.filter { $0.kind == kind } }
}

/// A sandbox on loopback and an `InvoiceClient` pointed at it, with small backoffs so retries stay fast.
struct ClientFixture {
    let sandbox: RunningSandbox
    let client: InvoiceClient
    let pacer: RecordingPacer
    let observer: RecordingObserver

    static let logger: Logger = {
        var logger = Logger(label: "invoice-client-tests")
        logger.logLevel = .critical
        return logger
    }()

    /// A 100-invoice tenant whose e-invoice syncs complete at once; `change` adjusts it.
    static func sandboxConfiguration(_ change: (inout SandboxConfiguration) -> Void = { _ in }) -> SandboxConfiguration
    {
        var configuration = SandboxConfiguration(invoices: 100, einvoiceSyncDelay: .zero)
        change(&configuration)
        return configuration
    }

    /// Client settings for tests: 10 ms backoff base, 40 ms cap, 5 s timeout.
    static func clientConfiguration(baseURL: String) -> InvoiceClientConfiguration {
        InvoiceClientConfiguration(
            zuoraBaseURL: baseURL, appZenBaseURL: baseURL, runID: "test-run", timeout: .seconds(5),
            backoff: ExponentialBackoff(base: .milliseconds(10), cap: .milliseconds(40))
        )
    }

    /// The sandbox's own credentials, as the environment would give them.
    static func credentials(_ sandbox: RunningSandbox) -> ClientCredentials {
        let accepted = sandbox.credentials
        return ClientCredentials(
            zuora: .clientCredentials(clientID: accepted.clientID, clientSecret: accepted.clientSecret),
            appZen: .init(
                apiKey: accepted.appZenAPIKey, customerID: accepted.appZenCustomerID,
                customerKey: accepted.appZenCustomerKey)
        )
    }

    static func run(
        sandbox changeSandbox: (inout SandboxConfiguration) -> Void = { _ in },
        client changeClient: (inout InvoiceClientConfiguration) -> Void = { _ in },
        credentials: ((RunningSandbox) -> ClientCredentials)? = nil,
        pacer: (any RequestPacer)? = nil,
        _ body: (ClientFixture) async throws -> Void
    ) async throws {
        try await Sandbox.withRunning(sandboxConfiguration(changeSandbox), logger: logger) { sandbox in
            try await HTTPClient.withHTTPClient(configuration: .invoiceBatch(concurrency: 8, timeout: .seconds(5))) {
                http in
                var configuration = clientConfiguration(baseURL: sandbox.baseURL)
                changeClient(&configuration)
                let recordingPacer = RecordingPacer()
                let observer = RecordingObserver()
                let client = InvoiceClient(
                    httpClient: http, configuration: configuration,
                    credentials: credentials?(sandbox) ?? Self.credentials(sandbox),
                    pacer: pacer ?? recordingPacer, observer: observer
                )
                try await body(
                    ClientFixture(sandbox: sandbox, client: client, pacer: recordingPacer, observer: observer))
            }
        }
    }

    /// Runs `calls` concurrently; outcomes in the order of `calls`.
    func executeAll(_ calls: [RowCall]) async -> [CallOutcome] {
        await withTaskGroup(of: (Int, CallOutcome).self) { group in
            for (index, call) in calls.enumerated() {
                group.addTask { (index, await client.execute(call)) }
            }
            var outcomes = [CallOutcome?](repeating: nil, count: calls.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.map { $0! }
        }
    }

    /// Runs `calls` one after another (fault dice then fall the same way every run).
    func executeInOrder(_ calls: [RowCall]) async -> [CallOutcome] {
        var outcomes: [CallOutcome] = []
        for call in calls { outcomes.append(await client.execute(call)) }
        return outcomes
    }

    func invoice(_ number: Int) -> SandboxInvoice {
        sandbox.store.invoice(Self.number(number))!
    }

    static func number(_ number: Int) -> String {
        let digits = String(number)
        return "INV-" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}

/// Row calls for the five actions.
enum Calls {
    static func make(
        _ action: InvoiceAction, _ key: String, body: JSONObject? = nil, query: [(name: String, value: String)] = [],
        row: Int = 1, trackID: String? = nil
    ) -> RowCall {
        RowCall(
            operation: InvoiceOperation(action: action, key: key, query: query, body: body), row: row, sourceRow: row,
            trackID: trackID
        )
    }

    static func update(_ key: String, comments: String, row: Int = 1) -> RowCall {
        make(.update, key, body: JSONObject(["comments": .string(comments)]), row: row)
    }

    static func cancel(_ key: String, row: Int = 1) -> RowCall {
        make(.einvoiceCancel, key, body: JSONObject(["reason": .string("02")]), row: row)
    }

    static func status(_ key: String, _ status: String, row: Int = 1) -> RowCall {
        make(.objectUpdate, key, body: JSONObject(["Status": .string(status)]), row: row)
    }
}

extension CallOutcome {
    /// Every text field, for secret checks.
    var texts: [String] {
        [errorCode, errorMessage, requestID, trackID, processID, readBack].compactMap { $0 }
    }
}
