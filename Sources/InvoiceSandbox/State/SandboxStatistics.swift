public import InvoiceAPI

/// What a sandbox has seen and done since it started (or was last reset): requests by route and status,
/// 429s, injected faults, token requests, and the changes applied to each invoice.
///
/// The same numbers as `GET /sandbox/stats`, for tests and `reconcile` in-process.
public struct SandboxStatistics: Sendable, Hashable {
    /// Every request answered or dropped.
    public var totalRequests: Int
    /// Requests by route (`PUT /v1/invoices/{invoiceKey}`; `NotFound` for no route) and status (`"200"`,
    /// `"429"`, …, or `"reset"` for a dropped connection).
    public var requestsByRoute: [String: [String: Int]]
    /// Requests answered 429 (concurrency limit, rate limit, token rate limit).
    public var tooManyRequests: Int
    /// Faults injected, by kind.
    public var faults: [SandboxFault: Int]
    /// Requests to `POST /oauth/token`, and how many got a token.
    public var tokenRequests: Int
    public var tokensIssued: Int
    /// Changes refused because another change to the same invoice was still in flight: a client that keeps
    /// per-invoice order never causes one.
    public var overlappingChanges: Int
    /// Changes applied, by invoice number (only invoices that were changed).
    public var changesByInvoice: [String: InvoiceChangeLog]

    public init(
        totalRequests: Int = 0, requestsByRoute: [String: [String: Int]] = [:], tooManyRequests: Int = 0,
        faults: [SandboxFault: Int] = [:], tokenRequests: Int = 0, tokensIssued: Int = 0,
        overlappingChanges: Int = 0, changesByInvoice: [String: InvoiceChangeLog] = [:]
    ) {
        self.totalRequests = totalRequests
        self.requestsByRoute = requestsByRoute
        self.tooManyRequests = tooManyRequests
        self.faults = faults
        self.tokenRequests = tokenRequests
        self.tokensIssued = tokensIssued
        self.overlappingChanges = overlappingChanges
        self.changesByInvoice = changesByInvoice
    }

    /// Changes applied to all invoices.
    public var appliedChanges: Int { changesByInvoice.values.reduce(0) { $0 + $1.count } }

    /// Requests to `route` answered with `status` (`"200"`, `"reset"`, …).
    public func requests(route: String, status: String) -> Int {
        requestsByRoute[route]?[status] ?? 0
    }

    /// Faults of `kind` injected.
    public func faults(_ kind: SandboxFault) -> Int { faults[kind] ?? 0 }

    /// The `GET /sandbox/stats` body; keys sorted, so two snapshots compare as text.
    public var json: JSONValue {
        func counts(_ dictionary: [String: Int]) -> JSONValue {
            .object(JSONObject(members: dictionary.keys.sorted().map { .init(key: $0, value: .number(String(dictionary[$0]!))) }))
        }
        var object = JSONObject()
        object["totalRequests"] = .number(String(totalRequests))
        object["requests"] = .object(
            JSONObject(members: requestsByRoute.keys.sorted().map { .init(key: $0, value: counts(requestsByRoute[$0]!)) })
        )
        object["tooManyRequests"] = .number(String(tooManyRequests))
        object["faults"] = counts(Dictionary(uniqueKeysWithValues: SandboxFault.allCases.map { ($0.rawValue, faults[$0] ?? 0) }))
        object["tokenRequests"] = .number(String(tokenRequests))
        object["tokensIssued"] = .number(String(tokensIssued))
        object["overlappingChanges"] = .number(String(overlappingChanges))
        object["appliedChanges"] = .number(String(appliedChanges))
        object["invoices"] = .object(
            JSONObject(members: changesByInvoice.keys.sorted().map { .init(key: $0, value: .object(changesByInvoice[$0]!.json)) })
        )
        return .object(object)
    }
}
