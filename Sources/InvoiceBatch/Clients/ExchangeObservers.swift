/// Several observers as one: the audit log and, say, a test's recorder, each shown every exchange in turn.
struct ExchangeObservers: ExchangeObserver {
    let observers: [any ExchangeObserver]

    func observe(_ exchange: HTTPExchange) {
        for observer in observers { observer.observe(exchange) }
    }
}
