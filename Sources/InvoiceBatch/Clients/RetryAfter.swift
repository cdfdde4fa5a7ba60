import InvoiceAPI

/// Reads `Retry-After` (RFC 9110 section 10.2.3): either delay-seconds or an HTTP-date.
///
/// Only the IMF-fixdate form of an HTTP-date (`Sun, 06 Nov 1994 08:49:37 GMT`) is read: it is the one a sender
/// must generate; the two obsolete forms are ignored (the retry then falls back to the backoff).
enum RetryAfter {
    /// The wait `value` asks for, measured from `now` (seconds since 1970) for a date; `nil` if unreadable.
    /// A date in the past is a wait of zero.
    static func parse(_ value: String, now secondsSince1970: Double) -> Duration? {
        let text = value.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            // Absurdly long numbers saturate; the caller caps the wait anyway.
            return .seconds(text.utf8.count <= 9 ? Int(text)! : 999_999_999)
        }
        guard let date = imfFixdate(text) else { return nil }
        let wait = Double(date) - secondsSince1970
        return wait > 0 ? .milliseconds(Int64((wait * 1_000).rounded(.up))) : .zero
    }

    /// Seconds since 1970 of an IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func imfFixdate(_ text: String) -> Int? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT",
            let day = Int(parts[1]), parts[1].count == 2,
            let month = months.firstIndex(of: String(parts[2])),
            let year = Int(parts[3]), parts[3].count == 4
        else { return nil }
        let time = parts[4].split(separator: ":")
        guard time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
            (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        return daysFromCivil(year: year, month: month + 1, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
