/// A short, sortable identifier for a run (`20261121-203826-4f2a`): it starts every generated `Zuora-Track-Id`
/// (`<run id>-<row>-<attempt>`, at most 64 characters), so it must stay short and US-ASCII.
public enum RunID {
    public static func make() -> String {
        let stamp = UTCTimestamp.now()  // 2026-11-21T20:38:26.123Z
        let digits = stamp.prefix(19).filter { $0.isNumber }
        let date = digits.prefix(8)
        let time = digits.dropFirst(8).prefix(6)
        let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
        return "\(date)-\(time)-\(String(repeating: "0", count: 4 - suffix.count))\(suffix)"
    }
}
