#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a run could not start (or go on): a problem the operator fixes before anything is sent. The message says
/// what is wrong and how to fix it, and never holds a credential.
public struct RunError: Error, LocalizedError, CustomStringConvertible, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}
