import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An `invoicebatch` process running in the background, for what a test does while it runs (Ctrl-C) and for
/// servers (`invoicebatch sandbox`). Both output streams are read as they come, so the child never blocks on a
/// full pipe.
final class BackgroundCommand: @unchecked Sendable {
    // `@unchecked Sendable`: `process` is only started and signalled; the readers own their buffers.
    let process: Process
    let stdout: PipeReader
    let stderr: PipeReader
    let startedAt = Date()

    /// Starts `invoicebatch arguments…` (credentials of this process's environment removed, `environment` added).
    init(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) throws {
        process = Process()
        process.executableURL = Binary.executable
        process.arguments = arguments
        process.environment = Binary.environment(environment)
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        stdout = PipeReader(out.fileHandleForReading)
        stderr = PipeReader(err.fileHandleForReading)
    }

    /// Sends SIGINT (Ctrl-C).
    func interrupt() {
        kill(process.processIdentifier, SIGINT)
    }

    /// Waits until `stdout` holds `text` (or the process ends, or `timeout` passes); returns whether it does.
    func waitForOutput(_ text: String, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stdout.text.contains(text) { return true }
            if !process.isRunning { return stdout.waitForEnd(until: Date().addingTimeInterval(1)).contains(text) }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    /// Waits for the exit (killing the process after `timeout`) and returns what it printed.
    /// - Returns: the result, and `exitedAt`, when the exit was noticed.
    func finish(timeout: TimeInterval = 60) -> (result: CommandResult, exitedAt: Date) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        let exitedAt = Date()
        if process.isRunning {
            Issue.record("invoicebatch \(process.arguments ?? []) still running after \(timeout) s; killed")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let endOfOutput = Date().addingTimeInterval(10)
        let out = stdout.waitForEnd(until: endOfOutput)
        let err = stderr.waitForEnd(until: endOfOutput)
        return (CommandResult(status: process.terminationStatus, stdout: out, stderr: err), exitedAt)
    }
}

/// Reads a pipe to its end on a thread of its own; the text read so far is always available.
final class PipeReader: @unchecked Sendable {
    // `@unchecked Sendable`: `data` and `ended` are only touched under `lock`.
    private let lock = NSLock()
    private var data = Data()
    private var ended = false

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                lock.lock()
                if chunk.isEmpty { ended = true } else { data.append(chunk) }
                lock.unlock()
                if chunk.isEmpty { return }
            }
        }
        thread.start()
    }

    /// What was read so far.
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits for the end of the stream (at most until `deadline`) and returns all of it.
    func waitForEnd(until deadline: Date) -> String {
        while Date() < deadline {
            lock.lock()
            let done = ended
            lock.unlock()
            if done { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return text
    }
}
