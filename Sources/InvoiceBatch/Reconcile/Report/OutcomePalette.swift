/// One colour per outcome and verification result, shared by every chart and badge of the report so a colour means
/// one thing on the whole page. Chosen to stay apart for the common colour-vision deficiencies (green/red are also
/// told apart by lightness) and to print legibly in grey.
enum OutcomePalette {
    static func color(_ outcome: ReconciledRow.Outcome) -> String {
        switch outcome {
        case .succeeded: "#2e7d32"
        case .failed: "#c62828"
        case .invalid: "#6a1b9a"
        case .skipped: "#f9a825"
        case .missing: "#546e7a"
        case .conflict: "#e65100"
        }
    }

    static func color(_ verification: ReconciledRow.Verification) -> String {
        switch verification {
        case .match: "#2e7d32"
        case .mismatch: "#c62828"
        case .unverifiable: "#90a4ae"
        case .notChecked: "#cfd8dc"
        }
    }

    /// Bars that are not an outcome (error codes, latency).
    static let neutral = "#1565c0"
    static let error = "#c62828"
}
