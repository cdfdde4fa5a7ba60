import Hummingbird

/// Puts the sandbox together: the layers every request passes, then each API with its own layers.
///
/// Outermost first: statistics (sees the final answer) → Zuora request/track IDs → response gzip → request
/// gunzip; then `/v1`: concurrency limit → rate limit → bearer token → latency and faults → handler;
/// AppZen: its headers → latency and faults → handler; `/oauth/token`: latency → handler.
enum SandboxRouter {
    static func make(state: SandboxState) -> Router<SandboxRequestContext> {
        let router = Router(context: SandboxRequestContext.self)
        router.add(middleware: StatsMiddleware(state: state))
        router.add(middleware: ZuoraHeadersMiddleware(state: state))
        router.add(middleware: ResponseCompressionMiddleware())
        router.add(middleware: RequestDecompressionMiddleware(maxBytes: state.configuration.maxBodyBytes))

        OAuthRoutes(state: state).register(on: router)

        let v1 = router.group("v1")
            .add(middleware: ConcurrencyLimitMiddleware(state: state))
            .add(middleware: RateLimitMiddleware(state: state))
            .add(middleware: BearerAuthMiddleware(state: state))
            .add(middleware: FaultMiddleware(state: state))
        InvoiceRoutes(state: state).register(on: v1)
        ObjectInvoiceRoutes(state: state).register(on: v1)
        EInvoiceRoutes(state: state).register(on: v1)

        AppZenRoutes(state: state).register(on: router)
        SandboxAdminRoutes(state: state).register(on: router)
        return router
    }
}
