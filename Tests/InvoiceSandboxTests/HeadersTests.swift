import CompressNIO
import Foundation
import HTTPTypes
import HummingbirdTesting
import InvoiceAPI
import InvoiceSandbox
import NIOCore
import Testing

/// The headers every answer carries, and the limits and encodings they announce.
struct HeadersTests {
    @Test func everyZuoraAnswerHasARequestID() async throws {
        try await Fixture.withRouter { state, client in
            var seen: Set<String> = []
            for (method, path, headers) in [
                (HTTPRequest.Method.get, "/v1/invoices/INV-00000001", Fixture.auth(state)),
                (.get, "/v1/invoices/INV-00000001", [:]),
                (.get, "/v1/no-such-route", Fixture.auth(state)),
                (.post, "/oauth/token", [:]),
                (.get, "/sandbox/stats", [:]),
            ] as [(HTTPRequest.Method, String, HTTPFields)] {
                let response = try await client.execute(uri: path, method: method, headers: headers)
                let requestID = try #require(response.header("Zuora-Request-Id"), "\(method) \(path)")
                #expect(requestID.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
                seen.insert(requestID)
            }
            #expect(seen.count == 5)
        }
    }

    @Test func aTrackIDIsEchoedAndRecorded() async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put(
                "/v1/invoices/INV-00000002", #"{"comments":"x"}"#, state, headers: [.init("Zuora-Track-Id")!: "run42-7-1"]
            )
            #expect(response.header("Zuora-Track-Id") == "run42-7-1")
            #expect(state.statistics.changesByInvoice["INV-00000002"]?.changes.first?.trackID == "run42-7-1")
            let none = try await client.put("/v1/invoices/INV-00000002", #"{"comments":"y"}"#, state)
            #expect(none.header("Zuora-Track-Id") == nil)
        }
    }

    @Test(arguments: [String(repeating: "a", count: 65), "run:1", "run;1", "run'1", "run\"1"])
    func aTrackIDAgainstThePagesRulesIs400(trackID: String) async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put(
                "/v1/invoices/INV-00000002", #"{"comments":"x"}"#, state, headers: [.init("Zuora-Track-Id")!: trackID]
            )
            #expect(response.status == .badRequest)
            #expect(try response.reasonCodes().first?.hasSuffix("20") == true)
            #expect(state.statistics.appliedChanges == 0)
        }
    }

    @Test func v1AnswersCarryTheLimitHeaders() async throws {
        try await Fixture.withRouter({ $0.concurrencyLimit = 7; $0.rateLimitPerMinute = 50 }) { state, client in
            for (index, path) in ["/v1/invoices/INV-00000001", "/v1/invoices/INV-99999999"].enumerated() {
                let response = try await client.execute(uri: path, method: .get, headers: Fixture.auth(state))
                #expect(response.header("Concurrency-Limit-Type") == "Default")
                #expect(response.header("Concurrency-Limit-Limit") == "7")
                #expect(response.header("Concurrency-Limit-Remaining") == "6")
                #expect(response.header("ratelimit-limit") == "50")
                #expect(response.header("ratelimit-remaining") == String(49 - index))
                #expect((1...60).contains(Int(response.header("ratelimit-reset") ?? "") ?? 0))
            }
            let unauthenticated = try await client.execute(uri: "/v1/invoices/INV-00000001", method: .get)
            #expect(unauthenticated.header("Concurrency-Limit-Limit") == "7")
        }
    }

    @Test func beyondTheRateLimitIs429WithRetryAfter() async throws {
        try await Fixture.withRouter({ $0.rateLimitPerMinute = 3 }) { state, client in
            for _ in 1...3 {
                let response = try await client.execute(uri: "/v1/invoices/INV-00000001", method: .get, headers: Fixture.auth(state))
                #expect(response.status == .ok)
            }
            let refused = try await client.execute(uri: "/v1/invoices/INV-00000001", method: .get, headers: Fixture.auth(state))
            #expect(refused.status == .tooManyRequests)
            #expect(refused.header("ratelimit-remaining") == "0")
            #expect(Int(refused.header("Retry-After") ?? "") == Int(refused.header("ratelimit-reset") ?? "-"))
            #expect(try refused.reasonCodes().first?.hasSuffix("70") == true)
            let crud = try await client.put("/v1/object/invoice/\(try #require(state.store.invoice("INV-00000002")?.id))", "{}", state)
            #expect(crud.status == .tooManyRequests)
            #expect(try crud.decode(CRUDResponse.self).errors?.first?.code == "REQUEST_EXCEEDED_LIMIT")
            #expect(state.statistics.tooManyRequests == 2)
        }
    }

    @Test func limitsOfZeroAreOff() async throws {
        try await Fixture.withRouter({ $0.rateLimitPerMinute = 0; $0.concurrencyLimit = 0 }) { state, client in
            let response = try await client.execute(uri: "/v1/invoices/INV-00000001", method: .get, headers: Fixture.auth(state))
            #expect(response.status == .ok)
            #expect(response.header("ratelimit-limit") == nil)
            #expect(response.header("Concurrency-Limit-Limit") == nil)
        }
    }

    @Test func answersOver1000BytesAreGzippedWhenAccepted() async throws {
        try await Fixture.withRouter { state, client in
            let plain = try await client.execute(uri: "/v1/invoices/INV-00000005", method: .get, headers: Fixture.auth(state))
            #expect(plain.body.readableBytes > 1_000)
            #expect(plain.header("Content-Encoding") == nil)
            let gzipped = try await client.execute(
                uri: "/v1/invoices/INV-00000005", method: .get, headers: Fixture.auth(state, [.acceptEncoding: "br;q=1.0, gzip;q=0.8"])
            )
            #expect(gzipped.header("Content-Encoding") == "gzip")
            #expect(gzipped.body.getBytes(at: gzipped.body.readerIndex, length: 2) == [0x1F, 0x8B])
            var compressed = gzipped.body
            let inflated = try compressed.decompress(with: .gzip())
            #expect(inflated.readableBytes > 1_000)
            #expect(String(buffer: inflated).contains("\"invoiceNumber\":\"INV-00000005\""))
            let refused = try await client.execute(
                uri: "/v1/invoices/INV-00000005", method: .get, headers: Fixture.auth(state, [.acceptEncoding: "gzip;q=0"])
            )
            #expect(refused.header("Content-Encoding") == nil)
        }
    }

    @Test func smallAnswersAreNotGzipped() async throws {
        try await Fixture.withRouter { state, client in
            let response = try await client.put(
                "/v1/invoices/INV-00000005/e-invoice/sync-status", "", state, headers: [.acceptEncoding: "gzip"]
            )
            #expect(response.body.readableBytes <= 1_000)
            #expect(response.header("Content-Encoding") == nil)
        }
    }

    @Test func gzippedRequestBodiesAreAcceptedAndOthersRefused() async throws {
        try await Fixture.withRouter { state, client in
            var json = ByteBuffer(string: #"{"comments":"sent gzipped"}"#)
            let gzip = try json.compress(with: .gzip())
            let accepted = try await client.execute(
                uri: "/v1/invoices/INV-00000002", method: .put, headers: Fixture.auth(state, [.contentEncoding: "gzip"]), body: gzip
            )
            #expect(try accepted.object()["comment"] as? String == "sent gzipped")

            var zlibJSON = ByteBuffer(string: #"{"comments":"zlib"}"#)
            for (body, status) in [
                (ByteBuffer(string: #"{"comments":"plain"}"#), HTTPResponse.Status.badRequest),
                (try zlibJSON.compress(with: .zlib()), .badRequest),
                (ByteBuffer(bytes: [0x1F, 0x8B] + Array(repeating: 0, count: 30)), .badRequest),
            ] {
                let refused = try await client.execute(
                    uri: "/v1/invoices/INV-00000002", method: .put, headers: Fixture.auth(state, [.contentEncoding: "gzip"]), body: body
                )
                #expect(refused.status == status)
                #expect(try refused.reasonCodes().first?.hasSuffix("90") == true)
            }
            let brotli = try await client.execute(
                uri: "/v1/invoices/INV-00000002", method: .put, headers: Fixture.auth(state, [.contentEncoding: "br"]), body: gzip
            )
            #expect(brotli.status == .unsupportedMediaType)
            #expect(try await client.invoice("INV-00000002", state)["comments"] as? String == "sent gzipped")
        }
    }
}
