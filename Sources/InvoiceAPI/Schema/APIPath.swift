/// Paths shared by the client and the sandbox that are not one operation's request.
public enum APIPath {
    /// `POST /oauth/token`: Zuora's OAuth client-credentials endpoint.
    public static let oauthToken = "/oauth/token"

    /// `GET /v1/invoices/{invoiceKey}`: read an invoice back (number → ID resolution, read-back, verify).
    public static func invoice(_ key: String) -> String {
        "/v1/invoices/\(encodeSegment(key))"
    }

    /// Percent-encodes one path segment: everything but RFC 3986 unreserved characters.
    public static func encodeSegment(_ segment: String) -> String {
        var out = ""
        out.reserveCapacity(segment.utf8.count)
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
