@testable import InvoiceBatch
import InvoiceAPI
import Testing

/// The small pieces under the client: backoff windows, `Retry-After`, reading an answer.
struct ClientHelpersTests {
    @Test func backoffDoublesUpToItsCapWithFullJitter() {
        let backoff = ExponentialBackoff(base: .milliseconds(100), cap: .seconds(1), random: { 1 })
        #expect(
            (0...6).map { backoff.window(retry: $0) } == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1),
                .seconds(1), .seconds(1),
            ])
        #expect(backoff.delay(retry: 2) == .milliseconds(400))
        #expect(ExponentialBackoff(base: .milliseconds(100), cap: .seconds(1), random: { 0 }).delay(retry: 3) == .zero)
        #expect(
            ExponentialBackoff(base: .milliseconds(100), cap: .seconds(1), random: { 0.5 }).delay(retry: 1)
                == .milliseconds(100))
        #expect(backoff.window(retry: 500) == .seconds(1), "no overflow")
        let real = ExponentialBackoff(base: .milliseconds(100), cap: .seconds(1))
        #expect((0..<200).allSatisfy { _ in (Duration.zero ... .milliseconds(400)).contains(real.delay(retry: 2)) })
    }

    @Test func aRetryAfterOf429IsObeyedAndOf503OnlyUpToTheCap() {
        let policy = RetryPolicy(
            maxAttempts: 5, backoff: ExponentialBackoff(base: .milliseconds(10), cap: .milliseconds(40), random: { 0 }),
            maxRetryAfter: .seconds(120)
        )
        #expect(policy.delay(retry: 0, status: 429, retryAfter: .seconds(7)) == .seconds(7))
        #expect(policy.delay(retry: 0, status: 429, retryAfter: .seconds(3_600)) == .seconds(120))
        #expect(policy.delay(retry: 0, status: 503, retryAfter: .seconds(1)) == .milliseconds(40))
        #expect(policy.delay(retry: 0, status: 503, retryAfter: nil) == .zero)
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        let now = Double(RetryAfter.imfFixdate("Sun, 06 Nov 1994 08:49:37 GMT")!)
        #expect(now == 784_111_777)
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: now) == .zero)
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:50:07 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == .zero, "a past date: go now")
        #expect(RetryAfter.parse("Wed, 29 Feb 2028 00:00:00 GMT", now: 0) == .seconds(1_835_395_200))
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse("-5", now: now) == nil)
        #expect(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", now: now) == nil, "obsolete forms are ignored")
    }

    @Test(arguments: [
        (InvoiceAction.Provider.appzen, 200, "", ProviderAnswer.Verdict.succeeded),
        (.appzen, 200, "  \r\n", .succeeded),
        (.zuora, 200, #"{"success":true}"#, .succeeded),
        (.zuora, 200, #"{"Success":true,"Id":"x"}"#, .succeeded),
        (
            .zuora, 200, "",
            .failed(code: "unreadable-response", message: "HTTP 200 with an empty body", transient: false)
        ),
        (
            .zuora, 200, "<html>ok</html>",
            .failed(
                code: "unreadable-response", message: "HTTP 200 with a body that is not JSON: <html>ok</html>",
                transient: false)
        ),
        (
            .appzen, 200, "OK",
            .failed(
                code: "unreadable-response", message: "HTTP 200 with a body that is not JSON: OK", transient: false)
        ),
        (
            .zuora, 200, #"{"id":"x"}"#,
            .failed(
                code: "unreadable-response", message: "HTTP 200 without a success member: the outcome is unknown",
                transient: false)
        ),
        (
            .zuora, 200, #"{"success":false,"reasons":[{"code":"53100050","message":"locked"}]}"#,
            .failed(code: "53100050", message: "53100050: locked", transient: true)
        ),
        (
            .zuora, 200,
            #"{"success":false,"reasons":[{"code":"53100050","message":"locked"},{"code":"53100020","message":"bad"}]}"#,
            .failed(code: "53100050", message: "53100050: locked; 53100020: bad", transient: false)
        ),
        (
            .zuora, 200, #"{"Success":false,"Errors":[{"Code":"TEMPORARY_ERROR","Message":"later"}]}"#,
            .failed(code: "TEMPORARY_ERROR", message: "TEMPORARY_ERROR: later", transient: true)
        ),
        (
            .zuora, 401, #"{"message":"Authentication error"}"#,
            .failed(code: "http-401", message: "Authentication error", transient: false)
        ),
        (
            .zuora, 502, "Bad Gateway",
            .failed(code: "http-502", message: "HTTP 502 with a body that is not JSON: Bad Gateway", transient: true)
        ),
        (
            .appzen, 500, #"{"timestamp":"t","status":500,"error":"x","message":"Error code : 12345650 - boom"}"#,
            .failed(code: "12345650", message: "Error code : 12345650 - boom", transient: true)
        ),
        (
            .appzen, 400, #"{"timestamp":"t","status":400,"error":"x","message":"Error code : 12345650 - bad"}"#,
            .failed(code: "12345650", message: "Error code : 12345650 - bad", transient: false)
        ),
    ])
    func answersAreReadFromTheBody(
        provider: InvoiceAction.Provider, status: Int, body: String, verdict: ProviderAnswer.Verdict
    ) {
        let answer = ProviderAnswer(status: status, requestIDHeader: nil, body: Array(body.utf8), provider: provider)
        #expect(answer.verdict == verdict)
    }

    @Test func requestAndProcessIDsComeFromTheHeaderOrTheBody() {
        let body = Array(#"{"success":true,"processId":"P-1","requestId":"body-id"}"#.utf8)
        #expect(
            ProviderAnswer(status: 200, requestIDHeader: "header-id", body: body, provider: .zuora).requestID
                == "header-id")
        let answer = ProviderAnswer(status: 200, requestIDHeader: nil, body: body, provider: .zuora)
        #expect(answer.requestID == "body-id")
        #expect(answer.processID == "P-1")
    }

    @Test func invoiceIDsAreThirtyTwoHexDigits() {
        #expect(InvoiceKey.isID("2c93808457d787030157e031d86c4c57"))
        #expect(InvoiceKey.isID("2C93808457D787030157E031D86C4C57"))
        #expect(!InvoiceKey.isID("INV-00000001"))
        #expect(!InvoiceKey.isID("2c93808457d787030157e031d86c4c5"))
        #expect(!InvoiceKey.isID("2c93808457d787030157e031d86c4c5g"))
    }
}
