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
        // Digits straight into the 24 bytes of `yyyy-MM-ddTHH:mm:ss.SSSZ`: results and the audit log make one per
        // row, and interpolation would allocate several strings each time.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            func put(_ value: Int, digits: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(Int(parts.tm_year) + 1900, digits: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(Int(parts.tm_mon) + 1, digits: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(Int(parts.tm_mday), digits: 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(Int(parts.tm_hour), digits: 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(Int(parts.tm_min), digits: 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(Int(parts.tm_sec), digits: 2, at: 17)
            buffer[19] = UInt8(ascii: ".")
            put(millis, digits: 3, at: 20)
            buffer[23] = UInt8(ascii: "Z")
            return 24
        }
    }
}

extension Int {
    /// Division rounding toward negative infinity (for moments before 1970).
    fileprivate func floorDiv(_ divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
