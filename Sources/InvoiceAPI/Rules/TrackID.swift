/// The `Zuora-Track-Id` header's rules from the pages: at most 64 characters, US-ASCII only, none of
/// colon, semicolon, double quote or quote.
public enum TrackID {
    public static let maxLength = 64

    /// `nil` when `value` may be sent as a `Zuora-Track-Id`, else what is wrong with it.
    public static func problem(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        if bytes.count > maxLength {
            return "'\(value)' is \(bytes.count) characters; a Zuora-Track-Id is at most \(maxLength)"
        }
        if let bad = bytes.first(where: { $0 < 0x20 || $0 > 0x7E }) {
            return bad > 0x7E
                ? "'\(value)' is not US-ASCII; a Zuora-Track-Id takes US-ASCII characters only"
                : "'\(value)' holds a control character; a Zuora-Track-Id takes printable US-ASCII only"
        }
        if let bad = bytes.first(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ";") || $0 == 0x22 || $0 == 0x27 }) {
            return "'\(value)' contains '\(Character(Unicode.Scalar(bad)))'; a Zuora-Track-Id must not contain : ; \" or '"
        }
        return nil
    }
}
