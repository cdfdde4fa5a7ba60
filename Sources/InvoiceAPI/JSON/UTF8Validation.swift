/// Finds the first byte that breaks UTF-8 well-formedness (Unicode 15, Table 3-7).
///
/// Our own because the readers need *where* the text goes wrong (a byte offset for a JSON error, a yes/no per CSV
/// cell without the generic, unspecialised cost of `String(validating:as:)` on the hot path).
public enum UTF8Validation {
    /// The offset of the first byte in `bytes` that does not begin a well-formed UTF-8 sequence, or nil.
    @inlinable
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let end = bytes.count
        var cursor = 0
        while cursor < end {
            let lead = base[cursor]
            if lead < 0x80 {
                cursor += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return cursor
            }
            guard cursor + length <= end else { return cursor }
            let second = base[cursor + 1]
            guard second >= lower, second <= upper else { return cursor }
            if length > 2 {
                for offset in 2..<length where base[cursor + offset] & 0xC0 != 0x80 {
                    return cursor
                }
            }
            cursor += length
        }
        return nil
    }
}
