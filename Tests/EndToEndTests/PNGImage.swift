import CompressNIO
import Foundation
import NIOCore

/// Just enough of PNG to look at a screenshot: 8-bit RGB or RGBA, not interlaced (what Chromium writes). The
/// scanlines are inflated with zlib and their filters undone, so the pixels counted are the pixels shown.
struct PNGImage {
    let width: Int
    let height: Int
    /// Bytes per pixel: 3 (RGB) or 4 (RGBA).
    let channels: Int
    /// `height` rows of `width * channels` bytes.
    let pixels: [UInt8]

    init(contentsOf url: URL) throws {
        let data = [UInt8](try Data(contentsOf: url))
        guard data.count > 8, data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw SandboxProcessError("\(url.path) is not a PNG")
        }
        func uint32(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        var offset = 8
        var width = 0, height = 0, channels = 0
        var compressed: [UInt8] = []
        while offset + 8 <= data.count {
            let length = uint32(offset)
            let type = String(decoding: data[offset + 4..<offset + 8], as: UTF8.self)
            let body = offset + 8
            guard body + length <= data.count else { throw SandboxProcessError("truncated PNG chunk \(type)") }
            switch type {
            case "IHDR":
                width = uint32(body)
                height = uint32(body + 4)
                guard data[body + 8] == 8, data[body + 12] == 0, [2, 6].contains(data[body + 9]) else {
                    throw SandboxProcessError("PNG not 8-bit RGB(A), non-interlaced")
                }
                channels = data[body + 9] == 6 ? 4 : 3
            case "IDAT":
                compressed += data[body..<body + length]
            default:
                break
            }
            offset = body + length + 4
        }
        var buffer = ByteBuffer(bytes: compressed)
        let inflated = try buffer.decompress(with: .zlib())
        let raw = inflated.getBytes(at: inflated.readerIndex, length: inflated.readableBytes) ?? []
        let stride = width * channels
        guard raw.count == height * (stride + 1) else { throw SandboxProcessError("PNG data has the wrong size") }
        var pixels = [UInt8](repeating: 0, count: height * stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            for x in 0..<stride {
                let value = raw[y * (stride + 1) + 1 + x]
                let left = x >= channels ? Int(pixels[y * stride + x - channels]) : 0
                let up = y > 0 ? Int(pixels[(y - 1) * stride + x]) : 0
                let upLeft = x >= channels && y > 0 ? Int(pixels[(y - 1) * stride + x - channels]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let p = left + up - upLeft
                    let (pa, pb, pc) = (abs(p - left), abs(p - up), abs(p - upLeft))
                    predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
                default: predictor = 0
                }
                pixels[y * stride + x] = UInt8(truncatingIfNeeded: Int(value) + predictor)
            }
        }
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// How many pixels have each colour (RGB; alpha ignored).
    var colourCounts: [UInt32: Int] {
        var counts: [UInt32: Int] = [:]
        var index = 0
        while index < pixels.count {
            let colour = UInt32(pixels[index]) << 16 | UInt32(pixels[index + 1]) << 8 | UInt32(pixels[index + 2])
            counts[colour, default: 0] += 1
            index += channels
        }
        return counts
    }
}
