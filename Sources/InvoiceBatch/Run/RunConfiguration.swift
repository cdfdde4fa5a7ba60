import InvoiceAPI

/// Everything that shapes one `run`, settled once (flag > environment > default) by the command and printed at
/// start. Holds no secret: credentials travel separately and are never written anywhere.
public struct RunConfiguration: Sendable {
    /// What to do with the later rows of an invoice after one of its rows did not succeed.
    public enum FailurePolicy: String, Sendable, CaseIterable {
        /// Skip them (the default): a later change may depend on the earlier one.
        case skip
        /// Run them anyway.
        case `continue`
    }

    /// The input path, or `-` for standard input.
    public var input: String
    /// `--format`, when the file name does not tell.
    public var format: InputFormat?
    /// `--delimiter` as a byte.
    public var delimiter: UInt8?
    /// `--action` for rows without one.
    public var defaultAction: InvoiceAction?
    /// The run directory (`--out`, default `<input stem>.run/`).
    public var outputDirectory: String
    /// Requests in flight at most (`--concurrency`, default 10; Zuora allows 40 per tenant, shared).
    public var concurrency: Int
    /// Requests per second (`--rate`); `nil` for no fixed rate.
    public var rate: Double?
    /// Token-bucket size (`--burst`); `nil` for a twentieth of the rate.
    public var burst: Int?
    /// Rows per checkpoint (`--chunk-size`, default 500).
    public var chunkSize: Int
    /// Attempts per row at most (`--max-attempts`, default 5).
    public var maxAttempts: Int
    /// First backoff step; doubled per attempt, capped, with full jitter.
    public var backoffBase: Duration
    /// Longest backoff step.
    public var backoffCap: Duration
    /// Per-request timeout (`--timeout`).
    public var timeout: Duration
    /// `--on-failure`.
    public var onFailure: FailurePolicy
    /// `--skip-invalid`: run the valid rows and report the invalid ones, instead of refusing the whole file.
    public var skipInvalid: Bool
    /// `--gzip-requests`: send request bodies gzipped.
    public var gzipRequests: Bool
    /// Headers from flags.
    public var entityIDs: String?
    public var orgIDs: String?
    public var zuoraVersion: String?
    /// `--audit-xml`: the XML audit log (gzip when it ends in `.gz`); a resumed run writes its next segment beside it.
    public var auditPath: String?
    /// `--quiet`: no progress.
    public var quiet: Bool
    /// Seconds between plain progress lines when standard error is not a terminal.
    public var progressInterval: Duration

    public init(
        input: String, format: InputFormat? = nil, delimiter: UInt8? = nil, defaultAction: InvoiceAction? = nil,
        outputDirectory: String? = nil, concurrency: Int = 10, rate: Double? = nil, burst: Int? = nil,
        chunkSize: Int = 500, maxAttempts: Int = 5, backoffBase: Duration = .milliseconds(250),
        backoffCap: Duration = .seconds(30), timeout: Duration = .seconds(60), onFailure: FailurePolicy = .skip,
        skipInvalid: Bool = false, gzipRequests: Bool = false, entityIDs: String? = nil, orgIDs: String? = nil,
        zuoraVersion: String? = nil, auditPath: String? = nil, quiet: Bool = false, progressInterval: Duration = .seconds(5)
    ) {
        self.input = input
        self.format = format
        self.delimiter = delimiter
        self.defaultAction = defaultAction
        self.outputDirectory = outputDirectory ?? RunConfiguration.defaultOutputDirectory(for: input)
        self.concurrency = max(1, concurrency)
        self.rate = rate.flatMap { $0 > 0 ? $0 : nil }
        self.burst = burst
        self.chunkSize = max(1, chunkSize)
        self.maxAttempts = max(1, maxAttempts)
        self.backoffBase = backoffBase
        self.backoffCap = backoffCap
        self.timeout = timeout
        self.onFailure = onFailure
        self.skipInvalid = skipInvalid
        self.gzipRequests = gzipRequests
        self.entityIDs = entityIDs
        self.orgIDs = orgIDs
        self.zuoraVersion = zuoraVersion
        self.auditPath = auditPath
        self.quiet = quiet
        self.progressInterval = progressInterval
    }

    /// `<input stem>.run/` beside the input (`corrections.csv.gz` → `corrections.run`); `stdin.run` for `-`.
    public static func defaultOutputDirectory(for input: String) -> String {
        guard input != "-" else { return "stdin.run" }
        var name = input
        for suffix in [".gz", ".csv", ".tsv", ".txt", ".jsonl", ".ndjson"] where name.lowercased().hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        return name + ".run"
    }

    /// How far ahead of the first unfinished row the reader may go: enough to keep every slot busy behind a
    /// slow invoice, small enough that memory stays flat.
    public var lookahead: Int { max(1_000, 2 * chunkSize, 100 * concurrency) }
}
