/// Zuora's data centres by name, so `--zuora-env us-sandbox` replaces a URL that is easy to mistype into
/// production.
public enum ZuoraEnvironment: String, Sendable, CaseIterable {
    case usProduction = "us-production"
    case usSandbox = "us-sandbox"
    case usCloudProduction = "us-cloud-production"
    case usCloudSandbox = "us-cloud-sandbox"
    case usTest = "us-test"
    case euProduction = "eu-production"
    case euSandbox = "eu-sandbox"
    case euTest = "eu-test"
    case apacProduction = "apac-production"

    /// The REST base URL.
    public var baseURL: String {
        switch self {
        case .usProduction: "https://rest.zuora.com"
        case .usSandbox: "https://rest.apisandbox.zuora.com"
        case .usCloudProduction: "https://rest.na.zuora.com"
        case .usCloudSandbox: "https://rest.sandbox.na.zuora.com"
        case .usTest: "https://rest.test.zuora.com"
        case .euProduction: "https://rest.eu.zuora.com"
        case .euSandbox: "https://rest.sandbox.eu.zuora.com"
        case .euTest: "https://rest.test.eu.zuora.com"
        case .apacProduction: "https://rest.ap.zuora.com"
        }
    }

    /// Whether the environment moves real money.
    public var isProduction: Bool { rawValue.hasSuffix("production") }
}
