/// A small, fast, seedable pseudo-random generator (Steele, Lea & Flood's SplitMix64).
///
/// The sandbox's state must be the same for the same `--seed` on every machine and every run, which
/// `SystemRandomNumberGenerator` cannot give; SplitMix64 passes BigCrush and needs one word of state.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a bijective scramble of one word, usable on its own as a hash.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` lowercase hex digits.
    mutating func hex(_ count: Int) -> String {
        var out = ""
        out.reserveCapacity(count)
        while out.count < count {
            out += SplitMix64.hex(next(), digits: min(16, count - out.count))
        }
        return out
    }

    /// A random version-4 UUID in its lowercase text form.
    mutating func uuid() -> String {
        SplitMix64.uuid(high: next(), low: next())
    }

    /// A value in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// The first `digits` lowercase hex digits of `value` (most significant first, zero-padded to 16).
    static func hex(_ value: UInt64, digits: Int = 16) -> String {
        String(unsafeUninitializedCapacity: digits) { buffer in
            writeHex(value, digits: digits, into: buffer, at: 0)
            return digits
        }
    }

    /// A version-4, variant-1 UUID text made of two random words.
    static func uuid(high: UInt64, low: UInt64) -> String {
        let high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return String(unsafeUninitializedCapacity: 36) { buffer in
            writeHex(high >> 32, digits: 8, into: buffer, at: 0, skip: 8)
            buffer[8] = UInt8(ascii: "-")
            writeHex(high >> 16, digits: 4, into: buffer, at: 9, skip: 12)
            buffer[13] = UInt8(ascii: "-")
            writeHex(high, digits: 4, into: buffer, at: 14, skip: 12)
            buffer[18] = UInt8(ascii: "-")
            writeHex(low >> 48, digits: 4, into: buffer, at: 19, skip: 12)
            buffer[23] = UInt8(ascii: "-")
            writeHex(low, digits: 12, into: buffer, at: 24, skip: 4)
            return 36
        }
    }

    /// Writes the hex digits of `value` (as 16 digits, the first `skip` left out, then `digits` of them).
    private static func writeHex(
        _ value: UInt64, digits: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int, skip: Int = 0
    ) {
        let table: StaticString = "0123456789abcdef"
        for index in 0..<digits {
            let shift = UInt64(4 * (15 - skip - index))
            buffer[offset + index] = table.utf8Start[Int((value >> shift) & 0xF)]
        }
    }
}
