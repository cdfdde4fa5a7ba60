import Foundation
import HTTPTypes
import HummingbirdTesting
import InvoiceAPI
import InvoiceSandbox
import NIOCore
import Testing

/// Injected 503s and lock contentions, and the lock on overlapping changes to one invoice.
struct FaultMiddlewareTests {
    @Test func failRateAnswers503InEachAPIsShapeWithoutApplying() async throws {
        try await Fixture.withRouter({ $0.failRate = 1 }) { state, client in
            let rest = try await client.put("/v1/invoices/INV-00000002", #"{"comments":"x"}"#, state)
            #expect(rest.status == .serviceUnavailable)
            #expect(rest.header("Retry-After") == "1")
            #expect(try rest.reasonCodes() == ["59101061"])
            let id = try #require(state.store.invoice("INV-00000002")?.id)
            let crud = try await client.put("/v1/object/invoice/\(id)", #"{"Status":"Posted"}"#, state)
            #expect(crud.status == .serviceUnavailable)
            #expect(try crud.decode(CRUDResponse.self).errors?.first?.code == "TEMPORARY_ERROR")
            let uuid = try #require(state.store.invoice("INV-00000002")?.appZenUUID)
            let appZen = try await client.execute(
                uri: "/dictionary-data-services/invoice/\(uuid)/status-sync", method: .post, headers: Fixture.appZenHeaders,
                body: Fixture.body("{}")
            )
            #expect(try appZen.decode(AppZenErrorResponse.self).status == 503)
            #expect(state.statistics.faults(.serverError) == 3)
            #expect(state.statistics.appliedChanges == 0)
            #expect(state.store.invoice("INV-00000002")?.comments == nil)
        }
    }

    @Test func lockRateAnswersLockContentionWithoutApplying() async throws {
        try await Fixture.withRouter({ $0.lockRate = 1 }) { state, client in
            let rest = try await client.put("/v1/invoices/INV-00000002", #"{"comments":"x"}"#, state)
            #expect(rest.status == .ok)
            let codes = try rest.reasonCodes()
            #expect(codes == ["59101050"])
            #expect(ZuoraErrorCode(codes[0])?.category.isTransient == true)
            let id = try #require(state.store.invoice("INV-00000002")?.id)
            let crud = try await client.put("/v1/object/invoice/\(id)", #"{"Status":"Posted"}"#, state)
            let error = try #require(try crud.decode(CRUDResponse.self).errors?.first)
            #expect(error.code == "LOCK_COMPETITION" && error.isTransient)
            let read = try await client.execute(uri: "/v1/invoices/INV-00000002", method: .get, headers: Fixture.auth(state))
            #expect(try read.object()["success"] as? Bool == true, "reads never meet lock contention")
            #expect(state.statistics.faults(.lockContention) == 2)
            #expect(state.store.invoice("INV-00000002")?.status == .draft)
        }
    }

    @Test func overlappingChangesToOneInvoiceMeetLockContention() async throws {
        try await Fixture.withRouter({ $0.latency = .milliseconds(300) }) { state, client in
            let codes = try await withThrowingTaskGroup(of: [String].self) { group in
                for index in 0..<2 {
                    group.addTask {
                        try await client.put("/v1/invoices/INV-00000002", "{\"comments\":\"\(index)\"}", state).reasonCodes()
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(codes.sorted { $0.count < $1.count } == [[], ["59101050"]])
            #expect(state.statistics.overlappingChanges == 1)
            #expect(state.statistics.appliedChanges == 1)
            let other = try await withThrowingTaskGroup(of: [String].self) { group in
                for number in ["INV-00000002", "INV-00000004"] {
                    group.addTask { try await client.put("/v1/invoices/\(number)", #"{"comments":"z"}"#, state).reasonCodes() }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(other == [[], []], "changes to different invoices never contend")
        }
    }

    @Test func latencyDelaysAnswers() async throws {
        try await Fixture.withRouter({ $0.latency = .milliseconds(200); $0.jitter = .milliseconds(50) }) { state, client in
            let clock = ContinuousClock()
            let elapsed = try await clock.measure {
                _ = try await client.execute(uri: "/v1/invoices/INV-00000001", method: .get, headers: Fixture.auth(state))
            }
            #expect(elapsed >= .milliseconds(200))
            // Generous: the bound only catches a delay that never ends; a loaded CI machine is slow.
            #expect(elapsed < .seconds(60))
        }
    }
}
