#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// ISO 8601 UTC timestamps with milliseconds (`2026-11-21T20:38:26.123Z`), the one format of every time in the
/// outputs (`finishedAt`, summary and manifest times): sortable as text, unambiguous across time zones, and what
/// spreadsheets and `jq`'s `fromdate` read. Made from the wall clock with `gmtime_r`, without Foundation's
/// formatters, since results call it once per row.
public enum UTCTimestamp {
    /// Now.
    public static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return string(epochMilliseconds: Int(spec.tv_sec) * 1_000 + Int(spec.tv_nsec) / 1_000_000)
    }

    /// The timestamp of a moment given in milliseconds since 1970-01-01T00:00:00Z.
    public static func string(epochMilliseconds: Int) -> String {
        var seconds = time_t(epochMilliseconds.floorDiv(1_000))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = epochMilliseconds - epochMilliseconds.floorDiv(1_000) * 1_000
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : String(value) }
        let year = Int(parts.tm_year) + 1900
        let milliText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : String(millis)
        return "\(year)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):"
            + "\(two(parts.tm_sec)).\(milliText)Z"
    }
}

extension Int {
    /// Division rounding toward negative infinity (for moments before 1970).
    fileprivate func floorDiv(_ divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
