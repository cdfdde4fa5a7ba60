import Foundation
import InvoiceAPI
import NIOCore
import Testing

/// The wire types' decoding rules the client relies on.
struct EInvoiceStatusTests {
    @Test(arguments: [
        ("RetrieveTimeOut", EInvoiceStatus.retrieveTimeout), ("RetrieveTimeout", .retrieveTimeout),
        ("retrievetimeout", .retrieveTimeout), ("Cancelled", .canceled), ("canceled", .canceled),
        ("CANCELLED", .canceled), (" Success ", .success), ("approvedbyauthority", .approvedByAuthority),
    ])
    func parsesEverySpelling(text: String, status: EInvoiceStatus) throws {
        #expect(EInvoiceStatus(lenient: text) == status)
        let decoded = try JSONDecoder().decode([EInvoiceStatus].self, from: Data("[\"\(text)\"]".utf8))
        #expect(decoded == [status])
    }

    @Test func emitsTheOpenAPISpelling() throws {
        let data = try JSONEncoder().encode([EInvoiceStatus.retrieveTimeout, .canceled])
        #expect(String(decoding: data, as: UTF8.self) == #"["RetrieveTimeOut","Canceled"]"#)
        #expect(EInvoiceStatus(lenient: "Unknown") == nil)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([EInvoiceStatus].self, from: Data(#"["Done"]"#.utf8)) }
    }

    @Test func syncableStatesAreThePagesFour() {
        #expect(EInvoiceStatus.allCases.filter(\.isSyncable) == [.processing, .retrieveTimeout, .failed, .approvedByAuthority])
    }

    @Test func wireTypesUseTheProvidersMemberNames() throws {
        let token = try JSONDecoder().decode(
            OAuthTokenResponse.self,
            from: Data(#"{"access_token":"abc","token_type":"bearer","expires_in":3599,"scope":"s","jti":"j"}"#.utf8)
        )
        #expect(token == OAuthTokenResponse(accessToken: "abc", tokenType: "bearer", expiresIn: 3599, scope: "s", jti: "j"))
        let crud = try JSONDecoder().decode(
            CRUDResponse.self, from: Data(#"{"Success":false,"Errors":[{"Code":"LOCK_COMPETITION","Message":"m"}]}"#.utf8)
        )
        #expect(crud.errors?.first?.isTransient == true)
        let appZen = AppZenErrorResponse(
            timestamp: "2019-01-17T16:12:45.977+0000", status: 404, error: "Not Found",
            message: "Error code : 17e3338d - The resource you specified cannot be not found"
        )
        #expect(appZen.errorCode == "17e3338d")
        let common = try JSONDecoder().decode(
            ZuoraCommonResponse.self, from: Data(#"{"success":false,"reasons":[{"code":"59101050","message":"m"}]}"#.utf8)
        )
        #expect(common.reasons?.first?.errorCode?.category == .lockContention)
    }
}
