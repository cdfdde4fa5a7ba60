import Foundation
import Testing

/// Runs the built `invoicebatch` binary the way a user does, and captures what it prints.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum Binary {
    /// The directory that holds the built products (the test bundle sits beside the executable).
    static var productsDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["INVOICEBATCH_PRODUCTS"] {
            return URL(fileURLWithPath: override)
        }
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        #endif
        return Bundle.main.bundleURL
    }

    static var executable: URL { productsDirectory.appendingPathComponent("invoicebatch") }

    /// The repository root (for `samples/`).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func sample(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("samples").appendingPathComponent(name).path
    }

    /// The variables `run` reads credentials from (`ClientCredentials.Variable.all`).
    static let credentialVariables = [
        "ZUORA_CLIENT_ID", "ZUORA_CLIENT_SECRET", "ZUORA_BEARER_TOKEN", "APPZEN_API_KEY", "APPZEN_CUSTOMER_ID",
        "APPZEN_CUSTOMER_KEY",
    ]

    /// The child's environment: this process's, without any credential (so a developer's exported tenant
    /// credentials never make a test leave the machine, and the embedded sandbox is the default target), plus
    /// `overrides`.
    static func environment(_ overrides: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for name in credentialVariables { env.removeValue(forKey: name) }
        for (key, value) in overrides { env[key] = value }
        return env
    }

    /// Runs `invoicebatch arguments…` in `directory`, feeding `input` on standard input. The credentials of
    /// this process's environment are not passed on; give them in `environment` where a test needs them.
    static func run(
        _ arguments: [String], input: Data? = nil, environment: [String: String] = [:], directory: URL? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = Self.environment(environment)
        if let directory { process.currentDirectoryURL = directory }
        return try capture(process, input: input)
    }

    /// Runs `process` to its end, feeding `input` on standard input, and returns what it printed.
    static func capture(_ process: Process, input: Data? = nil) throws -> CommandResult {
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let errorData = LockedData()
        let errorReader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { Thread.sleep(forTimeInterval: 0.005) }
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self)
        )
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("invoicebatch-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A `Data` handed from the stderr reader thread to the test.
final class LockedData: @unchecked Sendable {
    // Guarded by `lock`; only `set` writes, once.
    private let lock = NSLock()
    private var data = Data()
    private var done = false

    func set(_ value: Data) {
        lock.lock()
        data = value
        done = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
