import InvoiceAPI

/// Everything that shapes one `reconcile`, settled by the command (flag > the first run's `run.json` > default).
/// Holds no secret: credentials travel separately.
public struct ReconcileConfiguration: Sendable {
    /// The original input (or a failures file being reconciled as the batch).
    public var input: String
    public var format: InputFormat?
    public var delimiter: UInt8?
    public var defaultAction: InvoiceAction?
    /// Results files or run directories, in the order the runs were made.
    public var results: [String]
    /// Where the reconciliation goes (`--out`, default `<input stem>.reconcile/`).
    public var outputDirectory: String
    /// `--verify`: read every changed invoice back.
    public var verify: Bool
    /// The tenant `--verify` reads, from `--zuora-env`/`--zuora-url`; `nil` to take it from the runs' `run.json`.
    public var target: RunTarget?
    /// Requests in flight at most for `--verify`; `nil` for the first run's setting (else 10).
    public var concurrency: Int?
    /// Requests per second for `--verify`; `nil` for the first run's setting.
    public var rate: Double?
    public var burst: Int?
    /// Attempts per read (`nil`: 5; reads are safe to repeat whatever the run allowed its changes).
    public var maxAttempts: Int?
    public var timeout: Duration
    public var entityIDs: String?
    public var orgIDs: String?
    public var zuoraVersion: String?
    /// No summary on success.
    public var quiet: Bool

    public init(
        input: String, format: InputFormat? = nil, delimiter: UInt8? = nil, defaultAction: InvoiceAction? = nil,
        results: [String], outputDirectory: String? = nil, verify: Bool = false, target: RunTarget? = nil,
        concurrency: Int? = nil, rate: Double? = nil, burst: Int? = nil, maxAttempts: Int? = nil,
        timeout: Duration = .seconds(60), entityIDs: String? = nil, orgIDs: String? = nil,
        zuoraVersion: String? = nil, quiet: Bool = false
    ) {
        self.input = input
        self.format = format
        self.delimiter = delimiter
        self.defaultAction = defaultAction
        self.results = results
        self.outputDirectory = outputDirectory ?? Self.defaultOutputDirectory(for: input)
        self.verify = verify
        self.target = target
        self.concurrency = concurrency
        self.rate = rate
        self.burst = burst
        self.maxAttempts = maxAttempts
        self.timeout = timeout
        self.entityIDs = entityIDs
        self.orgIDs = orgIDs
        self.zuoraVersion = zuoraVersion
        self.quiet = quiet
    }

    /// `<input stem>.reconcile/` beside the input (`corrections.csv` → `corrections.reconcile`).
    public static func defaultOutputDirectory(for input: String) -> String {
        let run = RunConfiguration.defaultOutputDirectory(for: input)
        return String(run.dropLast(".run".count)) + ".reconcile"
    }
}
