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
        let table = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: 16)
        var rest = value
        for index in stride(from: 15, through: 0, by: -1) {
            bytes[index] = table[Int(rest & 0xF)]
            rest >>= 4
        }
        return String(decoding: bytes.prefix(digits), as: UTF8.self)
    }

    /// A version-4, variant-1 UUID text made of two random words.
    static func uuid(high: UInt64, low: UInt64) -> String {
        let high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let text = hex(high) + hex(low)
        let chars = Array(text)
        return String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-" + String(chars[12..<16]) + "-"
            + String(chars[16..<20]) + "-" + String(chars[20..<32])
    }
}
