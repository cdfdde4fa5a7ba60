/// The view model of `reconciliation.html`: every figure and row of the page, already counted, formatted and cut to
/// size, so the template only places text. Charts arrive as SVG rendered by their own templates.
struct ReportPage {
    struct Tile {
        let id: String
        let label: String
        let value: String
        let share: String
        let color: String
    }

    struct AttentionRow {
        let row: String
        let rowId: String
        let action: String
        let invoiceKey: String
        let outcome: String
        let outcomeColor: String
        let verified: String
        let errorCode: String
        let detail: String
    }

    struct MismatchRow {
        let row: String
        let invoiceKey: String
        let field: String
        let expected: String
        let actual: String
    }

    struct ConflictRow {
        let kind: String
        let sourceRow: String
        let location: String
        let message: String
    }

    struct RunRow {
        let number: String
        let file: String
        let runId: String
        let target: String
        let lines: String
    }

    struct Reason {
        let what: String
        let rows: String
        let why: String
    }

    struct Verification {
        let target: String
        let source: String
        let invoicesRead: String
        let readFailures: String
        /// `3 could not be read`, or nil.
        let readFailureNote: String?
        let hasMismatches: Bool
        let tiles: [Tile]
        let mismatches: [MismatchRow]
        let reasons: [Reason]
    }

    let title: String
    let input: String
    let createdAt: String
    let verdict: String
    let verdictClass: String
    let exitCode: String
    let tiles: [Tile]
    let outcomeChart: String
    let actionChart: String
    let errorChart: String?
    let latencyChart: String?
    let latencyNote: String
    let attention: [AttentionRow]
    let attentionNote: String?
    let conflicts: [ConflictRow]
    let runs: [RunRow]
    let verification: Verification?
    let hasAttention: Bool
    let hasConflicts: Bool
    let css = ReportStyle.css

    /// The most rows listed under "needing attention"; the CSV has them all.
    static let attentionLimit = 500
}
