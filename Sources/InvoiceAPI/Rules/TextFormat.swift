/// Checks of the text formats the pages prescribe for string-typed values, each answering with a message
/// that says what was expected and, where it can tell, what the user probably meant.
public enum TextFormat {
    /// `nil` when `text` is an ISO date, else the complaint (with the ISO dates it might mean).
    public static func dateProblem(_ text: String) -> String? {
        if CalendarDate(iso: text) != nil { return nil }
        let candidates = CalendarDate.candidates(for: text)
        var message = "'\(text)' is not yyyy-MM-dd"
        if !candidates.isEmpty {
            message += " (did you mean " + candidates.map(\.description).joined(separator: " or ") + "?)"
        } else if looksLikeISODate(text) {
            message += " (no such day)"
        }
        return message
    }

    /// `nil` when `text` is `yyyy-MM-dd HH:mm:ss`, else the complaint.
    public static func dateTimeProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        if bytes.count == 19, CalendarDate(iso: text.prefix(10)) != nil, bytes[10] == UInt8(ascii: " "),
            isClock(bytes[11..<19])
        {
            return nil
        }
        var message = "'\(text)' is not yyyy-MM-dd HH:mm:ss"
        if let date = CalendarDate(iso: text.prefix(10)), bytes.count == 19, bytes[10] == UInt8(ascii: "T"),
            isClock(bytes[11..<19])
        {
            message += " (did you mean \(date) \(String(decoding: bytes[11..<19], as: UTF8.self))?)"
        } else if let date = CalendarDate(iso: text) {
            message += " (did you mean \(date) 00:00:00?)"
        }
        return message
    }

    /// `nil` when `text` is a UTC instant `yyyy-MM-ddTHH:mm:ss[.fraction]Z`, else the complaint.
    public static func utcTimestampProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        if bytes.count >= 20, CalendarDate(iso: text.prefix(10)) != nil, bytes[10] == UInt8(ascii: "T"),
            isClock(bytes[11..<19]), bytes.last == UInt8(ascii: "Z")
        {
            let fraction = bytes[19..<(bytes.count - 1)]
            if fraction.isEmpty
                || (fraction.first == UInt8(ascii: ".") && fraction.count > 1
                    && fraction.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
            {
                return nil
            }
        }
        var message = "'\(text)' is not a UTC timestamp yyyy-MM-ddTHH:mm:ssZ"
        if bytes.count == 25, text.hasSuffix("+00:00") {
            message += " (did you mean \(text.dropLast(6))Z?)"
        } else if bytes.count == 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            let date = CalendarDate(iso: text.prefix(10)), isClock(bytes[11..<19])
        {
            message += " (if it is UTC: \(date)T\(String(decoding: bytes[11..<19], as: UTF8.self))Z)"
        }
        return message
    }

    /// `nil` when `text` is a plain decimal number (`-10`, `12.50`), else the complaint.
    public static func decimalProblem(_ text: String) -> String? {
        if isDecimal(text) { return nil }
        var message = "'\(text)' is not a decimal number"
        let noGrouping = String(text.filter { $0 != "," })
        if text.contains(","), !text.contains("."), text.split(separator: ",").count == 2,
            isDecimal(text.replacingAll(",", with: "."))
        {
            message += " (a decimal comma? did you mean \(text.replacingAll(",", with: "."))?)"
        } else if isDecimal(noGrouping) {
            message += " (remove the thousands separators: \(noGrouping))"
        } else if let first = text.first, "$€£".contains(first), isDecimal(String(text.dropFirst())) {
            message += " (remove the currency sign: \(text.dropFirst()))"
        }
        return message
    }

    /// Whether `text` is `-?digits(.digits)?`.
    public static func isDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(isDigit) else { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy(isDigit) }
        return true
    }

    /// Whether `text` is a decimal number below zero (`-0` and `-0.00` are not).
    public static func isNegativeDecimal(_ text: String) -> Bool {
        guard isDecimal(text), text.hasPrefix("-") else { return false }
        return text.utf8.contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func looksLikeISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
    }

    static func isClock(_ bytes: ArraySlice<UInt8>) -> Bool {
        let b = Array(bytes)
        guard b.count == 8, b[2] == UInt8(ascii: ":"), b[5] == UInt8(ascii: ":"),
            let hour = CalendarDate.number(b[0..<2]), let minute = CalendarDate.number(b[3..<5]),
            let second = CalendarDate.number(b[6..<8])
        else { return false }
        return hour < 24 && minute < 60 && second < 60
    }
}

extension String {
    /// `self` with every `target` replaced (Foundation-free).
    func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
