import Hummingbird
import InvoiceAPI

/// Makes the sandbox behave like a busy, imperfect tenant: latency and jitter on every request, then (when
/// `injectsFaults`) the configured share of 503s, lock contentions and dropped connections, and a lock
/// contention for a change to an invoice that another change is still working on.
///
/// Lives inside the limits middlewares, so the simulated work holds a concurrency slot as real work would and
/// parallel requests really overlap.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let state: SandboxState
    /// `false` on the token endpoint: latency only, its failures are not what a batch run is tested on.
    var injectsFaults = true

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let configuration = state.configuration
        let kind = APIKind(path: request.uri.path)
        let isZuoraChange = injectsFaults && request.method != .get && (kind == .rest || kind == .crud)
        let operation = OperationCode.of(path: request.uri.path)

        var changing: InvoiceStore.Slot?
        if isZuoraChange, configuration.lockOnOverlap, let slot = invoiceSlot(kind, context) {
            guard slot.beginChange() else {
                state.stats.recordOverlap()
                throw ProviderError(operation: operation, Self.lockContention)
            }
            changing = slot
        }
        defer { changing?.endChange() }

        let delay = configuration.latency + state.dice.upTo(configuration.jitter)
        if delay > .zero { try await Task.sleep(for: delay) }
        guard injectsFaults else { return try await next(request, context) }

        if state.dice.happens(configuration.failRate) {
            state.stats.recordFault(.serverError)
            throw ProviderError(
                .serviceUnavailable, headers: [.retryAfter: "1"],
                .failures(
                    [SandboxFailure(.temporaryError, "The service is temporarily unavailable; retry later")],
                    operation: operation
                )
            )
        }
        if isZuoraChange, state.dice.happens(configuration.lockRate) {
            state.stats.recordFault(.lockContention)
            throw ProviderError(operation: operation, Self.lockContention)
        }
        if state.dice.happens(configuration.resetRate) {
            let after = switch configuration.resetPhase {
            case .before: false
            case .after: true
            case .both: state.dice.heads()
            }
            if after {
                _ = try await RenderedResponse.of(request, context, next)
                state.stats.recordFault(.resetAfterChange)
            } else {
                state.stats.recordFault(.resetBeforeChange)
            }
            throw ConnectionDropped()
        }
        return try await next(request, context)
    }

    static let lockContention = SandboxFailure(
        .lockContention, "Operation failed due to lock competition on the invoice; please retry later"
    )

    /// The invoice a `/v1` change names, if it exists.
    private func invoiceSlot(_ kind: APIKind, _ context: Context) -> InvoiceStore.Slot? {
        switch kind {
        case .crud: context.parameters.get("id").flatMap { state.store.slot(forID: PathKey.decode($0)) }
        default: context.parameters.get("invoiceKey").flatMap { state.store.slot(forKey: PathKey.decode($0)) }
        }
    }
}
