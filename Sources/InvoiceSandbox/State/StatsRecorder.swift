import InvoiceAPI
import Synchronization

/// Collects `SandboxStatistics` from concurrent requests under one small lock.
final class StatsRecorder: Sendable {
    private let statistics = Mutex(SandboxStatistics())

    var snapshot: SandboxStatistics { statistics.withLock { $0 } }

    func reset() {
        statistics.withLock { $0 = SandboxStatistics() }
    }

    func recordRequest(route: String, status: String) {
        statistics.withLock { statistics in
            statistics.totalRequests += 1
            statistics.requestsByRoute[route, default: [:]][status, default: 0] += 1
            if status == "429" { statistics.tooManyRequests += 1 }
        }
    }

    func recordFault(_ fault: SandboxFault) {
        statistics.withLock { $0.faults[fault, default: 0] += 1 }
    }

    func recordTokenRequest(issued: Bool) {
        statistics.withLock { statistics in
            statistics.tokenRequests += 1
            if issued { statistics.tokensIssued += 1 }
        }
    }

    func recordOverlap() {
        statistics.withLock { $0.overlappingChanges += 1 }
    }

    func recordChange(_ change: AppliedChange, to invoice: SandboxInvoice) {
        statistics.withLock { statistics in
            statistics.changesByInvoice[
                invoice.number, default: InvoiceChangeLog(invoiceID: invoice.id, invoiceNumber: invoice.number)
            ].append(change)
        }
    }
}
