import CompressNIO
import InvoiceAPI
import InvoiceBatch
import InvoiceSandbox
import NIOCore
import Testing

/// The client against the sandbox on loopback: each action lands, failures keep the provider's code and
/// message, the headers and the gzip body really go out, and no secret comes back in an outcome.
struct InvoiceClientTests {
    @Test func eachActionSucceedsAndChangesTheTenant() async throws {
        try await ClientFixture.run { fixture in
            let draftID = fixture.invoice(4).id
            let uuid = fixture.invoice(3).appZenUUID
            let calls = [
                Calls.update("INV-00000002", comments: "corrected", row: 1),
                Calls.make(
                    .objectUpdate, draftID, body: JSONObject(["TransferredToAccounting": .string("Yes")]),
                    query: [(name: "rejectUnknownFields", value: "true")], row: 2
                ),
                Calls.make(.einvoiceSync, "INV-00000001", row: 3),
                Calls.cancel("INV-00000006", row: 4),
                Calls.make(
                    .appzenSync, uuid,
                    body: JSONObject(["appzen_invoice_state": .string("CREATED"), "invoice_status": .string("Posted")]),
                    row: 5
                ),
            ]
            let outcomes = await fixture.executeAll(calls)
            for (call, outcome) in zip(calls, outcomes) {
                #expect(outcome.status == .succeeded, "\(call.operation.action): \(outcome)")
                #expect(outcome.attempts == 1)
                #expect(outcome.httpStatus == 200)
                #expect(outcome.errorCode == nil && outcome.errorMessage == nil)
                #expect((outcome.requestID != nil) == (call.operation.action.provider == .zuora), "Zuora-Request-Id")
            }
            #expect(outcomes[0].trackID == "test-run-1-1")
            #expect(outcomes[4].trackID == nil, "AppZen requests carry no Zuora-Track-Id")
            #expect(outcomes[2].processID != nil, "sync-status answers with a processId")

            #expect(fixture.invoice(2).comments == "corrected")
            #expect(fixture.invoice(4).transferredToAccounting == "Yes")
            #expect(fixture.invoice(1).einvoiceStatus == .success)
            #expect(fixture.invoice(6).einvoiceStatus == .canceled)
            #expect(fixture.invoice(3).appZenStatus?["appzen_invoice_state"] == .string("CREATED"))

            let statistics = fixture.sandbox.statistics
            #expect(statistics.appliedChanges == 5)
            #expect(statistics.changesByInvoice["INV-00000002"]?.changes.first?.trackID == "test-run-1-1")
            #expect(statistics.changesByInvoice["INV-00000002"]?.changes.first?.requestID == outcomes[0].requestID)
            #expect(fixture.pacer.acquires == 5, "one pacer permission per attempt, none for the token")
        }
    }

    @Test func aRESTBusinessFailureKeepsTheEightDigitCodeAndEveryReason() async throws {
        try await ClientFixture.run { fixture in
            let outcome = await fixture.client.execute(Calls.cancel("INV-00000001"))
            #expect(outcome.status == .failed)
            #expect(outcome.httpStatus == 200, "Zuora answers business failures with 200")
            let code = try #require(outcome.errorCode)
            #expect(code.count == 8 && code.allSatisfy(\.isNumber) && code.hasSuffix("30"), "\(code)")
            #expect(
                outcome.errorMessage?.hasPrefix("\(code): The e-invoice of invoice INV-00000001 is Processing") == true)
            #expect(outcome.attempts == 1, "a rule restriction is not retried")
            #expect(fixture.sandbox.statistics.appliedChanges == 0)

            let missing = await fixture.client.execute(Calls.update("INV-09999999", comments: "x"))
            #expect(missing.errorCode?.hasSuffix("40") == true)
            #expect(missing.errorMessage?.contains("Invoice 'INV-09999999' does not exist") == true)
        }
    }

    @Test func everyReasonIsJoinedIntoTheMessage() async throws {
        try await ClientFixture.run { fixture in
            let call = Calls.make(
                .update, "INV-00000002",
                body: JSONObject(["dueDate": .string("2026-13-45"), "transferredToAccounting": .string("Maybe")])
            )
            let outcome = await fixture.client.execute(call)
            #expect(outcome.status == .failed)
            let message = try #require(outcome.errorMessage)
            let parts = message.split(separator: "; ")
            #expect(parts.count == 2, "\(message)")
            for part in parts {
                #expect(part.prefix(8).allSatisfy(\.isNumber) && part.dropFirst(8).hasPrefix(": "), "\(part)")
            }
            #expect(outcome.errorCode.map { message.hasPrefix($0) } == true)
        }
    }

    @Test func aCRUDFailureKeepsItsCodeAndMessage() async throws {
        try await ClientFixture.run { fixture in
            let posted = fixture.invoice(1)
            let outcome = await fixture.client.execute(Calls.status(posted.id, "Canceled"))
            #expect(outcome.status == .failed)
            #expect(outcome.httpStatus == 200)
            #expect(outcome.errorCode == "INVALID_VALUE")
            #expect(outcome.errorMessage?.hasPrefix("INVALID_VALUE: Invoice INV-00000001 is Posted") == true)
            #expect(fixture.invoice(1).status == .posted)

            let unknown = await fixture.client.execute(Calls.status("0123456789abcdef0123456789abcdef", "Posted"))
            #expect(unknown.errorCode == "INVALID_ID")

            let refused = await fixture.client.execute(
                Calls.make(
                    .objectUpdate, posted.id, body: JSONObject(["Nonsense": .string("x")]),
                    query: [(name: "rejectUnknownFields", value: "true")]
                )
            )
            #expect(refused.httpStatus == 400)
            #expect(refused.errorCode == "http-400", "the bare {message} body has no code of its own")
            #expect(refused.errorMessage == "Error - unrecognised fields")
        }
    }

    @Test func anAppZen404KeepsItsHexCode() async throws {
        try await ClientFixture.run { fixture in
            let outcome = await fixture.client.execute(
                Calls.make(
                    .appzenSync, "00000000-0000-4000-8000-000000000000",
                    body: JSONObject(["invoice_status": .string("Posted")]))
            )
            #expect(outcome.status == .failed)
            #expect(outcome.httpStatus == 404)
            let code = try #require(outcome.errorCode)
            #expect(code.count == 8 && code.allSatisfy(\.isHexDigit), "\(code)")
            #expect(outcome.errorMessage == "Error code : \(code) - The resource you specified cannot be not found")
            #expect(outcome.attempts == 1)
        }
    }

    @Test func headersGoOutAsConfiguredAndAppZenGetsNoZuoraHeaders() async throws {
        try await ClientFixture.run(client: {
            $0.entityIDs = "entity-1"
            $0.orgIDs = "org-1,org-2"
            $0.zuoraVersion = "2026-02-20"
        }) { fixture in
            let uuid = fixture.invoice(3).appZenUUID
            _ = await fixture.client.execute(Calls.update("INV-00000002", comments: "headers", row: 7))
            _ = await fixture.client.execute(
                Calls.make(.appzenSync, uuid, body: JSONObject(["invoice_status": .string("Posted")]), row: 8)
            )
            let zuora = try #require(fixture.observer.of(.rowRequest).first { $0.row == 7 })
            #expect(zuora.requestHeader("Authorization")?.hasPrefix("Bearer ") == true)
            #expect(zuora.requestHeader("Zuora-Track-Id") == "test-run-7-1")
            #expect(zuora.requestHeader("Zuora-Entity-Ids") == "entity-1")
            #expect(zuora.requestHeader("Zuora-Org-Ids") == "org-1,org-2")
            #expect(zuora.requestHeader("Zuora-Version") == "2026-02-20")
            #expect(zuora.requestHeader("Content-Type") == "application/json")
            #expect(zuora.requestHeader("Accept") == "application/json")
            #expect(zuora.requestHeader("Accept-Encoding") == "gzip")
            #expect(zuora.responseHeader("Zuora-Track-Id") == "test-run-7-1", "the sandbox echoes a valid track ID")
            #expect(zuora.secrets.contains { zuora.requestHeader("Authorization") == "Bearer \($0)" })

            let appZen = try #require(fixture.observer.of(.rowRequest).first { $0.row == 8 })
            #expect(appZen.responseStatus == 200)
            #expect(appZen.requestHeader("x-api-key") == fixture.sandbox.credentials.appZenAPIKey)
            #expect(appZen.requestHeader("customer-id") == fixture.sandbox.credentials.appZenCustomerID)
            #expect(appZen.requestHeader("customer-key") == fixture.sandbox.credentials.appZenCustomerKey)
            for name in ["Authorization", "Zuora-Track-Id", "Zuora-Entity-Ids", "Zuora-Org-Ids", "Zuora-Version"] {
                #expect(appZen.requestHeader(name) == nil, "\(name) sent to AppZen")
            }
        }
    }

    @Test func aRowsOwnTrackIDAndALongRunIDStayValid() async throws {
        let runID = String(repeating: "r", count: 70) + ":;'\"é"
        try await ClientFixture.run(client: { $0.runID = runID }) { fixture in
            let generated = await fixture.client.execute(Calls.update("INV-00000002", comments: "a", row: 123_456_789))
            let trackID = try #require(generated.trackID)
            #expect(TrackID.problem(trackID) == nil, "\(trackID)")
            #expect(trackID == String(repeating: "r", count: 40) + "-123456789-1")

            let own = await fixture.client.execute(
                Calls.make(.update, "INV-00000004", body: JSONObject(["comments": .string("b")]), trackID: "ERP-DOC-77")
            )
            #expect(own.trackID == "ERP-DOC-77")
            #expect(fixture.sandbox.statistics.changesByInvoice["INV-00000004"]?.changes.first?.trackID == "ERP-DOC-77")
        }
    }

    @Test func gzipRequestsAreRealGzipAndAccepted() async throws {
        try await ClientFixture.run(client: { $0.gzipRequests = true }) { fixture in
            let outcome = await fixture.client.execute(Calls.update("INV-00000002", comments: "sent gzipped"))
            #expect(outcome.status == .succeeded, "\(outcome)")
            #expect(fixture.invoice(2).comments == "sent gzipped")

            let exchange = try #require(fixture.observer.of(.rowRequest).first)
            #expect(exchange.requestHeader("Content-Encoding") == "gzip")
            let wire = try #require(exchange.encodedRequestBody)
            #expect(Array(wire.prefix(3)) == [0x1F, 0x8B, 0x08], "RFC 1952 magic and deflate, not a raw zlib stream")
            var buffer = ByteBuffer(bytes: wire)
            let inflated = try buffer.decompress(with: .gzip())
            #expect(Array(inflated.readableBytesView) == exchange.requestBody)
            #expect(String(decoding: exchange.requestBody, as: UTF8.self) == #"{"comments":"sent gzipped"}"#)
            let token = try #require(fixture.observer.of(.token).first)
            #expect(token.encodedRequestBody == nil, "the token form is not a JSON body")
        }
    }

    @Test func noSecretReachesAnOutcome() async throws {
        try await ClientFixture.run(credentials: { sandbox in
            var credentials = ClientFixture.credentials(sandbox)
            credentials.appZen?.apiKey = "wrong-appzen-api-key-0123456789"
            return credentials
        }) { fixture in
            let credentials = ClientFixture.credentials(fixture.sandbox)
            let uuid = fixture.invoice(3).appZenUUID
            let outcomes = await fixture.executeAll([
                Calls.update("INV-00000002", comments: "fine", row: 1),
                Calls.cancel("INV-00000001", row: 2),
                Calls.make(.appzenSync, uuid, body: JSONObject(["invoice_status": .string("Posted")]), row: 3),
            ])
            #expect(outcomes[2].httpStatus == 403)
            let secrets =
                credentials.secretValues + ["wrong-appzen-api-key-0123456789"]
                + fixture.observer.all.flatMap(\.secrets)
            for outcome in outcomes {
                for text in outcome.texts {
                    for secret in secrets { #expect(!text.contains(secret), "a secret in \(outcome)") }
                }
            }
        }
    }
}
