#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why `reconcile` could not start or finish: an unreadable input or results file, a results file that is not one,
/// `--verify` without a tenant to read. The message names the file (and line) and says how to fix it; it never
/// holds a credential. Problems with single rows are not errors: they are the reconciliation's findings.
public struct ReconcileError: Error, LocalizedError, CustomStringConvertible, Sendable {
    /// The kind of failure; an open struct over a private enum, so codes can grow without breaking a `switch`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unreadableInput
            case unreadableResults
            case notResults
            case noTarget
            case noCredentials
            case cannotWrite
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The input cannot be opened or read.
        public static let unreadableInput = Code(.unreadableInput)
        /// A RESULTS argument names nothing readable (no file, a directory without a results file).
        public static let unreadableResults = Code(.unreadableResults)
        /// A results file is not one this tool wrote (missing columns, a line that does not parse).
        public static let notResults = Code(.notResults)
        /// `--verify` has no tenant to read.
        public static let noTarget = Code(.noTarget)
        /// `--verify` has a tenant but no credentials for it.
        public static let noCredentials = Code(.noCredentials)
        /// The reconciliation directory or one of its files cannot be written.
        public static let cannotWrite = Code(.cannotWrite)

        public var description: String { base.rawValue }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}
