/// The tool's version, recorded in every run directory and audit log.
public enum InvoiceBatchVersion {
    public static let current = "0.5.0"
}
