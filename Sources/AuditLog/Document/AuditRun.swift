/// What the root element of a segment says about the run: enough to tie the log to the run directory, the input
/// file (by hash) and the tenant, years later.
public struct AuditRun: Sendable {
    public var runID: String
    public var toolVersion: String
    /// 1 for the first run, 2… for each `--resume`.
    public var segment: Int
    /// ISO 8601 UTC with milliseconds: when the run first started, and when this segment did.
    public var runStartedAt: String
    public var segmentStartedAt: String
    /// The target's name (`embedded sandbox`, `us-production`, `custom`) and base URLs.
    public var target: String
    public var zuoraURL: String?
    public var appZenURL: String?
    /// The input file's name as given (`-` for standard input), its size and sha256.
    public var inputName: String
    public var inputBytes: Int
    public var inputSHA256: String

    public init(
        runID: String, toolVersion: String, segment: Int, runStartedAt: String, segmentStartedAt: String,
        target: String, zuoraURL: String?, appZenURL: String?, inputName: String, inputBytes: Int, inputSHA256: String
    ) {
        self.runID = runID
        self.toolVersion = toolVersion
        self.segment = segment
        self.runStartedAt = runStartedAt
        self.segmentStartedAt = segmentStartedAt
        self.target = target
        self.zuoraURL = zuoraURL
        self.appZenURL = appZenURL
        self.inputName = inputName
        self.inputBytes = inputBytes
        self.inputSHA256 = inputSHA256
    }
}
