import InvoiceAPI

/// Amounts as decimal text with two fraction digits, converted to and from whole cents, so money never goes
/// through binary floating point.
enum DecimalText {
    /// The amount of `text` (`-?digits(.digits)?`, at most two fraction digits) in cents, or `nil`.
    static func cents(_ text: String) -> Int? {
        guard TextFormat.isDecimal(text) else { return nil }
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2 else { return nil }
        while fraction.count < 2 { fraction += "0" }
        guard let hundredths = Int(fraction) else { return nil }
        let value = whole * 100 + hundredths
        return negative ? -value : value
    }

    /// `cents` as `-?digits.dd`.
    static func format(cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
