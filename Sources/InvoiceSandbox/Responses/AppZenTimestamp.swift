#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InvoiceAPI

/// The timestamp of AppZen's error body, in the page's form `2019-01-17T16:12:45.977+0000` (UTC).
enum AppZenTimestamp {
    static func now() -> String {
        format(millisecondsSince1970: Int((Date().timeIntervalSince1970 * 1_000).rounded(.down)))
    }

    static func format(millisecondsSince1970 millis: Int) -> String {
        let days = millis.dividedFloor(by: 86_400_000)
        let inDay = millis - days * 86_400_000
        let date = CalendarDate.fromDaysSince1970(days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let hours = inDay / 3_600_000
        let minutes = inDay / 60_000 % 60
        let seconds = inDay / 1_000 % 60
        return "\(date)T\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(inDay % 1_000, 3))+0000"
    }
}

extension Int {
    fileprivate func dividedFloor(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
