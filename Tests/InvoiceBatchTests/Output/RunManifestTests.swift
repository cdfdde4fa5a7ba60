import InvoiceAPI
import InvoiceBatch
import Testing

@Suite struct RunManifestTests {
    static func manifest(settings: JSONObject) -> RunManifest {
        RunManifest(
            runID: "20261121-203826-ab12", toolVersion: "0.4.0", inputPath: "/data/corrections.csv",
            input: InputFingerprint(size: 3, sha256: InputFingerprint.sha256(of: Array("abc".utf8))), format: .csv,
            delimiter: UInt8(ascii: ";"), settings: settings, createdAt: "2026-11-21T20:38:26.123Z"
        )
    }

    static let settings = JSONObject([
        "concurrency": .number("10"), "rate": .number("50"), "chunkSize": .number("500"),
        "maxAttempts": .number("5"), "onFailure": .string("skip"), "zuoraEnv": .string("us-sandbox"),
        "zuoraUrl": .string("https://rest.apisandbox.zuora.com"), "gzipRequests": .bool(false),
    ])

    @Test func writesAndLoadsTheSameManifest() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let manifest = Self.manifest(settings: Self.settings)
        try manifest.write(directory: directory.path, secrets: ["s3cr3t-client-secret", "", "token-abc.def"])
        #expect(try RunManifest.load(directory: directory.path) == manifest)
        let text = try directory.text("run.json")
        #expect(text.hasPrefix("{\n  \"runId\": \"20261121-203826-ab12\",\n  \"toolVersion\": \"0.4.0\","))
        #expect(text.contains("\"delimiter\": \";\""))
    }

    @Test(arguments: [
        "s3cr3t-client-secret",
        // A secret with characters JSON escapes is found in its escaped form too.
        "pa\"ss\\word",
    ])
    func refusesToWriteASecret(secret: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var settings = Self.settings
        settings["zuoraUrl"] = .string("https://client:\(secret)@rest.zuora.com")
        let error = #expect(throws: OutputError.self) {
            try Self.manifest(settings: settings).write(directory: directory.path, secrets: ["other", secret])
        }
        #expect(error?.code == .secretWouldLeak)
        #expect(error?.message.contains(secret) == false)
        #expect(throws: (any Error).self) { try directory.text("run.json") }
    }

    @Test func sha256MatchesTheStandardVectors() throws {
        #expect(InputFingerprint.sha256(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            InputFingerprint.sha256(of: Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Across block boundaries: 1,000,000 × "a" read 4 KiB at a time.
        try directory.write(String(repeating: "a", count: 1_000_000), to: "input.csv")
        let fingerprint = try InputFingerprint.compute(path: directory.file("input.csv"), blockSize: 4_096)
        #expect(
            fingerprint
                == InputFingerprint(
                    size: 1_000_000, sha256: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"))
    }

    @Test func resumeRefusesAChangedInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("abc", to: "input.csv")
        let manifest = Self.manifest(settings: Self.settings)
        try manifest.verifySameInput(try InputFingerprint.compute(path: directory.file("input.csv")))
        try directory.write("abd", to: "input.csv")
        let error = #expect(throws: OutputError.self) {
            try manifest.verifySameInput(try InputFingerprint.compute(path: directory.file("input.csv")))
        }
        #expect(error?.code == .inputChanged)
        var fromStandardInput = manifest
        fromStandardInput.input = nil
        #expect(throws: OutputError.self) { try fromStandardInput.verifySameInput(nil) }
    }

    @Test func relativeInputPathsAreMadeAbsolute() {
        #expect(RunManifest.absolutePath("/a/b.csv") == "/a/b.csv")
        #expect(RunManifest.absolutePath("-") == "-")
        let absolute = RunManifest.absolutePath("./b.csv")
        #expect(absolute.hasPrefix("/") && absolute.hasSuffix("/b.csv") && !absolute.contains("/./"))
    }
}
