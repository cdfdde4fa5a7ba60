/// A day in the proleptic Gregorian calendar, parsed from the API's `yyyy-MM-dd` without Foundation's
/// `DateFormatter` (lenient, locale-dependent and slow), and able to say which ISO date a spreadsheet's
/// `12/01/2026` might have meant — never choosing for the user.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or `nil`.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `yyyy-MM-dd` (without allocating: this runs once per date cell).
    public init?(iso text: Substring) {
        var digits = (0, 0, 0)
        var count = 0
        for byte in text.utf8 {
            count += 1
            switch count {
            case 5, 8:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 1...4, 6...7, 9...10:
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                let digit = Int(byte - 0x30)
                if count <= 4 { digits.0 = digits.0 * 10 + digit } else if count <= 7 { digits.1 = digits.1 * 10 + digit } else {
                    digits.2 = digits.2 * 10 + digit
                }
            default:
                return nil
            }
        }
        guard count == 10 else { return nil }
        self.init(year: digits.0, month: digits.1, day: digits.2)
    }

    public init?(iso text: String) {
        self.init(iso: text[...])
    }

    /// `yyyy-MM-dd`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The ISO dates `text` might mean, for a "did you mean" hint: `12/01/2026` → 2026-12-01 and 2026-01-12;
    /// `2026/12/01`, `01.12.2026`, `20261201`, `2026-1-5`, a date-time, or a spreadsheet serial day number.
    public static func candidates(for text: String) -> [CalendarDate] {
        let trimmed = text.trimmingSpaces()
        var results: [CalendarDate] = []
        func add(_ year: Int, _ month: Int, _ day: Int) {
            let year = year < 100 ? 2000 + year : year
            if let date = CalendarDate(year: year, month: month, day: day), !results.contains(date) {
                results.append(date)
            }
        }
        let bytes = Array(trimmed.utf8)
        if bytes.count >= 10, bytes.count <= 25, let date = CalendarDate(iso: trimmed.prefix(10)),
            bytes.count == 10 || bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ")
        {
            if bytes.count > 10 { results.append(date) }
            return results
        }
        for separator in ["/", ".", "-"] as [Character] {
            let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]),
                parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
            else { continue }
            if parts[0].count == 4 {
                add(a, b, c)  // yyyy/MM/dd, yyyy-M-d
            } else if parts[2].count == 4 || parts[2].count == 2 {
                if separator == "." {
                    add(c, b, a)  // dd.MM.yyyy is day-first everywhere it is used
                } else {
                    add(c, a, b)  // MM/dd/yyyy
                    add(c, b, a)  // dd/MM/yyyy
                }
            }
        }
        if results.isEmpty, bytes.count == 8, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let year = Int(trimmed.prefix(4)), let month = Int(trimmed.dropFirst(4).prefix(2)),
            let day = Int(trimmed.suffix(2))
        {
            add(year, month, day)
        }
        if results.isEmpty, (1...6).contains(bytes.count), let serial = Int(trimmed), serial >= 20_000,
            serial <= 80_000
        {
            // A spreadsheet serial day number: days since 1899-12-30.
            results.append(CalendarDate.fromDaysSince1970(serial - 25_569))
        }
        return results
    }

    /// The date `days` days after 1970-01-01 (civil-from-days, Howard Hinnant's algorithm).
    public static func fromDaysSince1970(_ days: Int) -> CalendarDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDate(year: year, month: month, day: day)!
    }

    /// Days since 1970-01-01 (days-from-civil).
    public var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let mp = (month + 9) % 12
        let dayOfYear = (153 * mp + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (what a spreadsheet pads cells with).
    public func trimmingSpaces() -> String {
        Substring(self).trimmingSpacesFast()
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs; `self` unchanged (no copy) when there are none.
    public func trimmingSpaces() -> String {
        guard let first = utf8.first, let last = utf8.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return self }
        return self[...].trimmingSpacesFast()
    }
}

extension Substring {
    /// Byte-level: spaces and tabs are ASCII, so no grapheme breaking is needed (this runs on every key cell).
    fileprivate func trimmingSpacesFast() -> String {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while end > start {
            let before = bytes.index(before: end)
            guard bytes[before] == 0x20 || bytes[before] == 0x09 else { break }
            end = before
        }
        return String(self[start..<end])
    }
}
