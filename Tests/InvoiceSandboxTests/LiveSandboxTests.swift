import AsyncHTTPClient
import CompressNIO
import Foundation
import InvoiceAPI
import InvoiceSandbox
import NIOCore
import NIOHTTP1
import Testing

/// The sandbox on a real loopback port, driven with AsyncHTTPClient as the client will drive it: start and
/// shutdown, gzip both ways, token expiry, the concurrency limit under parallel load, and dropped connections.
struct LiveSandboxTests {
    static func withSandbox(
        _ change: (inout SandboxConfiguration) -> Void = { _ in },
        _ body: (RunningSandbox, HTTPClient) async throws -> Void
    ) async throws {
        try await Sandbox.withRunning(Fixture.configuration(change), logger: Fixture.logger) { sandbox in
            try await HTTPClient.withHTTPClient { client in try await body(sandbox, client) }
        }
    }

    static func request(
        _ sandbox: RunningSandbox, _ path: String, method: HTTPMethod = .GET, token: String? = nil,
        body: ByteBuffer? = nil, headers: [(String, String)] = []
    ) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: sandbox.baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(body)
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return request
    }

    static func send(_ client: HTTPClient, _ request: HTTPClientRequest) async throws -> (HTTPClientResponse, ByteBuffer) {
        let response = try await client.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (response, body)
    }

    @Test func startsOnAnEphemeralLoopbackPortAndShutsDown() async throws {
        let sandbox = try await Sandbox.start(Fixture.configuration(), logger: Fixture.logger)
        #expect(sandbox.port > 0)
        #expect(sandbox.baseURL == "http://127.0.0.1:\(sandbox.port)")
        #expect(sandbox.credentials == .defaults)
        try await HTTPClient.withHTTPClient { client in
            let (response, _) = try await Self.send(client, Self.request(sandbox, "/v1/invoices/INV-00000001", token: sandbox.issueToken()))
            #expect(response.status == .ok)
            let clock = ContinuousClock()
            let elapsed = try await clock.measure { try await sandbox.shutdown() }
            #expect(elapsed < .seconds(30), "shutdown must not hang")
            await #expect(throws: (any Error).self) {
                _ = try await Self.send(client, Self.request(sandbox, "/v1/invoices/INV-00000001", token: sandbox.issueToken()))
            }
        }
    }

    @Test func aTakenPortFailsTheStart() async throws {
        _ = try await Sandbox.withRunning(Fixture.configuration(), logger: Fixture.logger) { first in
            await #expect(throws: (any Error).self) {
                let second = try await Sandbox.start(Fixture.configuration { $0.port = first.port }, logger: Fixture.logger)
                try await second.shutdown()
            }
        }
    }

    @Test func gzipBothWays() async throws {
        try await Self.withSandbox { sandbox, client in
            let token = sandbox.issueToken()
            var json = ByteBuffer(string: #"{"comments":"gzipped over the wire"}"#)
            let (accepted, acceptedBody) = try await Self.send(
                client,
                Self.request(sandbox, "/v1/invoices/INV-00000002", method: .PUT, token: token,
                    body: try json.compress(with: .gzip()), headers: [("Content-Encoding", "gzip")])
            )
            #expect(accepted.status == .ok)
            #expect(String(buffer: acceptedBody).contains(#""comment":"gzipped over the wire""#))

            let (refused, refusedBody) = try await Self.send(
                client,
                Self.request(sandbox, "/v1/invoices/INV-00000002", method: .PUT, token: token,
                    body: ByteBuffer(string: #"{"comments":"not gzip"}"#), headers: [("Content-Encoding", "gzip")])
            )
            #expect(refused.status == .badRequest)
            #expect(String(buffer: refusedBody).contains("not gzip data"))

            let (compressed, compressedBody) = try await Self.send(
                client, Self.request(sandbox, "/v1/invoices/INV-00000002", token: token, headers: [("Accept-Encoding", "gzip")])
            )
            #expect(compressed.headers.first(name: "Content-Encoding") == "gzip")
            var raw = compressedBody
            let inflated = try raw.decompress(with: .gzip())
            #expect(inflated.readableBytes > 1_000)
            #expect(String(buffer: inflated).contains(#""comments":"gzipped over the wire""#))
        }
    }

    @Test func anExpiredTokenIs401() async throws {
        try await Self.withSandbox({ $0.tokenTTL = .seconds(2) }) { sandbox, client in
            var tokenRequest = Self.request(sandbox, "/oauth/token", method: .POST)
            tokenRequest.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            tokenRequest.body = .bytes(ByteBuffer(
                string: "client_id=\(sandbox.credentials.clientID)&client_secret=\(sandbox.credentials.clientSecret)&grant_type=client_credentials"
            ))
            let (_, tokenBody) = try await Self.send(client, tokenRequest)
            let token = try JSONDecoder().decode(OAuthTokenResponse.self, from: Data(tokenBody.readableBytesView))
            #expect(token.expiresIn == 2)
            let (fresh, _) = try await Self.send(client, Self.request(sandbox, "/v1/invoices/INV-00000001", token: token.accessToken))
            #expect(fresh.status == .ok)
            try await Task.sleep(for: .milliseconds(2_200))
            let (expired, expiredBody) = try await Self.send(client, Self.request(sandbox, "/v1/invoices/INV-00000001", token: token.accessToken))
            #expect(expired.status == .unauthorized)
            #expect(String(buffer: expiredBody) == #"{"message":"Authentication error"}"#)
        }
    }

    @Test func parallelRequestsBeyondTheConcurrencyLimitGet429() async throws {
        try await Self.withSandbox({ $0.concurrencyLimit = 2; $0.latency = .milliseconds(400) }) { sandbox, client in
            let token = sandbox.issueToken()
            let answers = try await withThrowingTaskGroup(of: (Int, String?, String?).self) { group in
                for number in 1...8 {
                    group.addTask {
                        let (response, _) = try await Self.send(
                            client, Self.request(sandbox, "/v1/invoices/INV-0000000\(number)", token: token)
                        )
                        return (
                            Int(response.status.code), response.headers.first(name: "Retry-After"),
                            response.headers.first(name: "Concurrency-Limit-Remaining")
                        )
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let refused = answers.filter { $0.0 == 429 }
            let served = answers.filter { $0.0 == 200 }
            #expect(served.count >= 2)
            #expect(!refused.isEmpty, "8 parallel requests against a limit of 2: \(answers)")
            #expect(refused.allSatisfy { $0.1 == "1" && $0.2 == "0" })
            #expect(served.count + refused.count == 8)
            #expect(sandbox.statistics.tooManyRequests == refused.count)
        }
    }

    @Test(arguments: [ResetPhase.after, .before])
    func droppedConnectionsAreConnectionErrors(phase: ResetPhase) async throws {
        try await Self.withSandbox({ $0.resetRate = 1; $0.resetPhase = phase }) { sandbox, client in
            let token = sandbox.issueToken()
            await #expect(throws: (any Error).self, "the client must see a connection error, not an answer") {
                let (response, body) = try await Self.send(
                    client,
                    Self.request(sandbox, "/v1/invoices/INV-00000002", method: .PUT, token: token,
                        body: ByteBuffer(string: #"{"comments":"maybe applied"}"#))
                )
                Issue.record("got an answer: \(response.status) \(String(buffer: body))")
            }
            let statistics = sandbox.statistics
            #expect(statistics.requests(route: "PUT /v1/invoices/{invoiceKey}", status: "reset") == 1)
            #expect(statistics.requests(route: "PUT /v1/invoices/{invoiceKey}", status: "500") == 0)
            switch phase {
            case .after:
                #expect(statistics.faults(.resetAfterChange) == 1)
                #expect(statistics.appliedChanges == 1)
                #expect(sandbox.store.invoice("INV-00000002")?.comments == "maybe applied")
            default:
                #expect(statistics.faults(.resetBeforeChange) == 1)
                #expect(statistics.appliedChanges == 0)
                #expect(sandbox.store.invoice("INV-00000002")?.comments == nil)
            }
        }
    }
}
