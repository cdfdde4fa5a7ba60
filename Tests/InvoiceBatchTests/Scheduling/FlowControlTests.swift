import InvoiceBatch
import Testing

@Test func aTooManyRequestsSignalPausesEveryoneAndHalvesTheWindow() async throws {
    let flow = FlowControl(.init(rate: nil, concurrency: 16, recoveryDelay: .seconds(60)))
    #expect(flow.concurrencyTarget == 16)
    try await flow.acquire()  // no rate, no pause: immediate
    flow.record(.tooManyRequests(retryAfter: .milliseconds(300)))
    // A burst of 429s from one overload halves the window once.
    flow.record(.tooManyRequests(retryAfter: .milliseconds(1)))
    #expect(flow.concurrencyTarget == 8)
    let clock = ContinuousClock()
    let started = clock.now
    try await flow.acquire()
    #expect(clock.now - started >= .milliseconds(250))
    #expect(flow.statistics.tooManyRequests == 2)
}

@Test func lowConcurrencyRemainingStepsTheWindowDownBeforeARefusal() {
    let flow = FlowControl(.init(rate: nil, concurrency: 10, concurrencyHeadroom: 2, recoveryDelay: .seconds(60)))
    flow.record(.remaining(concurrency: 5, rate: nil, resetIn: nil))
    #expect(flow.concurrencyTarget == 10)
    flow.record(.remaining(concurrency: 1, rate: nil, resetIn: nil))
    #expect(flow.concurrencyTarget == 9)
}

@Test func theBucketHoldsOnlyItsBurst() async throws {
    let flow = FlowControl(.init(rate: 20, burst: 3, concurrency: 4))
    let clock = ContinuousClock()
    let started = clock.now
    for _ in 0..<3 { try await flow.acquire() }
    let burst = clock.now - started
    for _ in 0..<4 { try await flow.acquire() }
    // 4 more tokens at 20/s need at least ~150 ms beyond the burst (lower bound only: never a speed test).
    #expect(clock.now - started - burst >= .milliseconds(140))
}

@Test func waitingForATokenEndsWhenTheTaskIsCancelled() async throws {
    let flow = FlowControl(.init(rate: nil, concurrency: 4))
    flow.record(.tooManyRequests(retryAfter: .seconds(30)))
    let waiter = Task { try await flow.acquire() }
    waiter.cancel()
    await #expect(throws: CancellationError.self) { try await waiter.value }
}
