import ArgumentParser
import InvoiceBatch

/// The flags that choose a tenant and how to address it, shared by `run` and `reconcile --verify`.
struct TargetOptions: ParsableArguments {
    @Option(help: "A Zuora data centre, by name (its REST base URL is known).")
    var zuoraEnv: ZuoraEnvironment?

    @Option(help: "A Zuora REST base URL (instead of --zuora-env).")
    var zuoraURL: String?

    @Option(help: "The AppZen base URL. Default https://api.appzen.com.")
    var appzenURL: String?

    @Option(help: "Zuora-Entity-Ids header (multi-entity tenants).")
    var entityIds: String?

    @Option(help: "Zuora-Org-Ids header (multi-org tenants).")
    var orgIds: String?

    @Option(help: "Zuora-Version header (minor API version).")
    var zuoraVersion: String?

    @Option(help: "A file of KEY=VALUE lines with the credentials (ZUORA_CLIENT_ID, …), instead of the environment.")
    var credentialsFile: String?

    func validate() throws {
        if zuoraEnv != nil, zuoraURL != nil { throw ValidationError("Give --zuora-env or --zuora-url, not both.") }
    }

    /// The tenant the flags name, or `nil` when they name none.
    var flaggedTarget: RunTarget? {
        let appzen = appzenURL ?? "https://api.appzen.com"
        if let zuoraEnv { return RunTarget(name: zuoraEnv.rawValue, zuoraURL: zuoraEnv.baseURL, appzenURL: appzen) }
        if let zuoraURL { return RunTarget(name: "custom", zuoraURL: zuoraURL, appzenURL: appzen) }
        return nil
    }
}
