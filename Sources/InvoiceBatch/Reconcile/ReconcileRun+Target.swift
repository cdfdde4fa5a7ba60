import InvoiceAPI

extension ReconcileRun {
    /// The tenant `--verify` reads, and where that choice came from.
    struct VerificationTarget {
        var target: RunTarget
        var source: String
    }

    /// `--zuora-env`/`--zuora-url` when given; else the one tenant every run's `run.json` names. Never the embedded
    /// sandbox: its invoices lived in the memory of each `run` process and are gone, so reading a new one would
    /// compare the requests with a freshly seeded tenant and report every change as a mismatch.
    func verificationTarget(_ files: [ResultsFile]) throws(ReconcileError) -> VerificationTarget {
        if let target = configuration.target {
            return VerificationTarget(target: target, source: target.name == "custom" ? "--zuora-url" : "--zuora-env")
        }
        var found: [String: (RunTarget, String)] = [:]
        var embedded: [String] = []
        for file in files {
            guard let settings = file.manifest?.settings, let name = settings["target"]?.stringValue else { continue }
            if name == RunTarget.embeddedSandboxName {
                embedded.append(file.path)
                continue
            }
            guard let url = settings["zuoraUrl"]?.stringValue else { continue }
            let target = RunTarget(name: name, zuoraURL: url, appzenURL: settings["appzenUrl"]?.stringValue)
            if found[url] == nil { found[url] = (target, "run.json of \(file.directory)") }
        }
        let hint = "pass --zuora-env or --zuora-url (for the sandbox, the URL of a running `invoicebatch sandbox`)"
        if !embedded.isEmpty {
            throw ReconcileError(
                .noTarget,
                "--verify has no tenant to read: \(embedded.joined(separator: ", ")) ran against the embedded "
                    + "sandbox, whose invoices lived only as long as that run; \(hint)"
            )
        }
        guard found.count <= 1 else {
            throw ReconcileError(
                .noTarget,
                "--verify cannot choose a tenant: the runs went to \(found.keys.sorted().joined(separator: " and ")); "
                    + hint
            )
        }
        guard let (target, source) = found.values.first else {
            throw ReconcileError(.noTarget, "--verify has no tenant to read: no run.json names one; \(hint)")
        }
        return VerificationTarget(target: target, source: source)
    }
}
