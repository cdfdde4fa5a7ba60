/// Process IDs and AppZen error codes for answers rendered outside a sandbox's state (error rendering has
/// only the request and its context); unique per process, which is all they need to be.
enum ProcessIDs {
    private static let generator = RequestIDGenerator()

    static func next() -> String { generator.processID() }

    static func shortCode() -> String { generator.shortCode() }
}
