/// When an injected connection reset happens relative to the change the request asks for.
///
/// `after` is the case that makes a client's retry dangerous (the change was applied, the client never
/// heard): it is what "ambiguous outcomes" in DESIGN.md are about.
public enum ResetPhase: String, Sendable, CaseIterable {
    /// The connection is dropped before the request is applied.
    case before
    /// The request is applied, then the connection is dropped instead of answering.
    case after
    /// Each reset picks `before` or `after` at random.
    case both
}
