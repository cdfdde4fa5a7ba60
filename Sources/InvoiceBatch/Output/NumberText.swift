/// Number formatting for the human summary, the progress line and `summary.json`, without Foundation's locale
/// machinery: output must be the same on every machine (tests compare it whole) and cheap at ten redraws a second.
enum NumberText {
    /// `1234567` → `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        if value < 0 { out.append("-") }
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// `value` with exactly `places` decimals, rounded half away from zero: `fixed(2.345, 1)` → `2.3`.
    static func fixed(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (value.magnitude * Double(scale)).rounded()
        guard scaled < 9e15 else { return String(Int(value)) }
        let whole = Int(scaled) / scale
        let fraction = Int(scaled) % scale
        var text = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
        if places > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: places - digits.count) + digits
        }
        return text
    }

    /// A JSON number literal for a rate or a duration: up to 3 decimals, trailing zeros dropped (`12.5`, `3`).
    static func jsonNumber(_ value: Double) -> String {
        var text = fixed(value, 3)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A duration for people: `850 ms`, `12.3 s`, `4 min 05 s`, `2 h 03 min`.
    static func duration(milliseconds: Int) -> String {
        if milliseconds < 1_000 { return "\(milliseconds) ms" }
        if milliseconds < 60_000 { return fixed(Double(milliseconds) / 1_000, 1) + " s" }
        let seconds = milliseconds / 1_000
        if seconds < 3_600 { return "\(seconds / 60) min \(twoDigits(seconds % 60)) s" }
        return "\(seconds / 3_600) h \(twoDigits(seconds % 3_600 / 60)) min"
    }

    /// A countdown for the progress bar: `0:09`, `12:05`, `1:02:03`.
    static func clock(seconds: Int) -> String {
        let seconds = max(seconds, 0)
        if seconds >= 3_600 {
            return "\(seconds / 3_600):\(twoDigits(seconds % 3_600 / 60)):\(twoDigits(seconds % 60))"
        }
        return "\(seconds / 60):\(twoDigits(seconds % 60))"
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// `text` padded with spaces to `width` characters, on the left (numbers) or the right (labels).
    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let missing = width - text.count
        guard missing > 0 else { return text }
        let spaces = String(repeating: " ", count: missing)
        return left ? spaces + text : text + spaces
    }
}
