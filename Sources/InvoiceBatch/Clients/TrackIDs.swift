import InvoiceAPI

/// The `Zuora-Track-Id` of each request: the row's own `trackId` when it has a valid one, else
/// `<run id>-<row>-<attempt>` — always within the header's rules (at most 64 US-ASCII characters, none of
/// `: ; " '`), so Zuora never refuses a request over its trace ID.
struct TrackIDs: Sendable {
    /// The run ID as it can appear in a track ID: letters, digits, `-`, `_`, `.`; at most 40 characters.
    let prefix: String

    static let maxPrefixLength = 40

    init(runID: String) {
        let kept = runID.unicodeScalars.filter { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-_.".unicodeScalars.contains(scalar))
        }
        let prefix = String(String.UnicodeScalarView(kept.prefix(Self.maxPrefixLength)))
        self.prefix = prefix.isEmpty ? "run" : prefix
    }

    /// Attempt `attempt` of `call`'s own request.
    func request(_ call: RowCall, attempt: Int) -> String {
        own(call) ?? valid("\(prefix)-\(call.row)-\(attempt)")
    }

    /// A read-back, key resolution or verification read made for `call` (or for the run when `call` is `nil`).
    func auxiliary(_ call: RowCall?, kind: HTTPExchange.Kind, attempt: Int) -> String {
        if let call, let own = own(call) { return own }
        let tag = kind == .readBack ? "rb" : kind == .verification ? "vf" : "id"
        return valid(call.map { "\(prefix)-\($0.row)-\(tag)\(attempt)" } ?? "\(prefix)-\(tag)\(attempt)")
    }

    private func own(_ call: RowCall) -> String? {
        guard let trackID = call.trackID, !trackID.isEmpty, TrackID.problem(trackID) == nil else { return nil }
        return trackID
    }

    /// `value` if Zuora accepts it; else its last 64 characters (the prefix is already clean, so only length
    /// can be wrong, and the row and attempt at the end are the part worth keeping).
    private func valid(_ value: String) -> String {
        TrackID.problem(value) == nil ? value : String(value.suffix(TrackID.maxLength))
    }
}
