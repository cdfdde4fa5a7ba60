import AuditLog
import InvoiceAPI

extension AuditTrail {
    /// Opens the log for this run: `base` itself for a new run, its next segment (`audit.2.xml.gz`, …) for a
    /// resumed one, so a closed segment is never rewritten.
    static func open(
        base: String, resuming: Bool, manifest: RunManifest, fingerprint: InputFingerprint, target: RunTarget,
        segmentStartedAt: String
    ) throws(OutputError) -> AuditTrail {
        let (number, path) = resuming ? AuditSegment.next(base: base) : (1, base)
        let run = AuditRun(
            runID: manifest.runID, toolVersion: InvoiceBatchVersion.current, segment: number,
            runStartedAt: manifest.createdAt, segmentStartedAt: segmentStartedAt, target: target.name,
            zuoraURL: target.zuoraURL, appZenURL: target.appzenURL,
            inputName: manifest.settings["input"]?.stringValue ?? manifest.inputPath, inputBytes: fingerprint.size,
            inputSHA256: fingerprint.sha256
        )
        do {
            return try AuditTrail(path: path, run: run)
        } catch {
            throw OutputError(code: .cannotCreate, message: error.message, path: error.path)
        }
    }

    /// Pushes the log to the file at a checkpoint, so a killed run leaves every exchange up to it readable.
    /// - Throws: `OutputError.writeFailed` with the first write failure since the log opened.
    func flush() throws(OutputError) {
        do {
            try writer.flush()
        } catch {
            throw OutputError(code: .writeFailed, message: error.message, path: error.path)
        }
    }

    /// Ends the segment with the run's counts (as `summary.json` has them) and closes the file.
    func close(counts: SummaryAccumulator, exitCode: Int32, tooManyRequests: Int, error: String? = nil)
        throws(OutputError)
    {
        var counters: [(name: String, value: Int)] = [
            ("attempts", counts.attempts), ("retries", counts.retries), ("tooManyRequests", tooManyRequests),
        ]
        counters += counts.counters.filter { $0.key != "tooManyRequestsAll" }.sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
        if counts.otherErrorCodes > 0 { counters.append(("otherErrorCodes", counts.otherErrorCodes)) }
        let summary = AuditSummary(
            endedAt: UTCTimestamp.now(), exitCode: Int(exitCode), rows: counts.rows,
            outcomes: RowResult.Outcome.allCases.map { ($0.rawValue, counts.outcomes[$0, default: 0]) },
            actions: counts.actions.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            errorCodes: counts.errorCodesByCount.map { ($0.code, $0.count) }, counters: counters, error: error
        )
        do {
            try writer.close(summary: summary)
        } catch {
            throw OutputError(code: .writeFailed, message: error.message, path: error.path)
        }
    }
}
