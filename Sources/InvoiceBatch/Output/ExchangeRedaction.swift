import AuditLog
import InvoiceAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Takes every secret out of an exchange before it is written anywhere: the credential headers whole
/// (`Authorization`, `x-api-key`, `customer-key`, cookies), the secret fields of bodies (`client_secret` in the
/// token form, `access_token` and the other token members of JSON answers), and — wherever else it appears, as
/// sent, percent-encoded or JSON-escaped — every value of `HTTPExchange.secrets`, in bodies, headers, the path
/// and error texts. Each becomes `AuditLogWriter.redactionMarker`.
///
/// Byte-level, by hand: bodies need not be valid UTF-8 or JSON (a proxy's error page, a truncated answer), and
/// this runs on every exchange of the run.
struct ExchangeRedaction {
    static let marker = Array(AuditLogWriter.redactionMarker.utf8)
    /// Headers whose whole value is a credential (lowercased).
    static let credentialHeaders: [String] = [
        "authorization", "proxy-authorization", HeaderName.appZenAPIKey.lowercased(),
        HeaderName.appZenCustomerKey.lowercased(), "cookie", "set-cookie",
    ]

    /// Whether `name` is one of `credentialHeaders`, ignoring ASCII case (without making a lowercased copy: this
    /// runs for every header of every exchange).
    static func isCredentialHeader(_ name: String) -> Bool {
        credentialHeaders.contains { candidate in
            candidate.utf8.count == name.utf8.count
                && zip(candidate.utf8, name.utf8).allSatisfy { $0 == $1 | ($1 >= 0x41 && $1 <= 0x5A ? 0x20 : 0) }
        }
    }
    /// Form fields and JSON members whose value is a credential or a token.
    static let secretFields = ["client_secret", "access_token", "refresh_token", "id_token"]

    /// Every form the secrets may take in bytes, longest first (so no part of a longer one survives).
    let patterns: [[UInt8]]

    init(secrets: [String]) {
        var patterns = Set<[UInt8]>()
        for secret in secrets where !secret.isEmpty {
            patterns.insert(Array(secret.utf8))
            patterns.insert(Array(APIPath.encodeSegment(secret).utf8))
            patterns.insert(Array(Self.jsonEscaped(secret).utf8))
        }
        self.patterns = patterns.sorted { $0.count > $1.count }
    }

    static let markerText = AuditLogWriter.redactionMarker
    static let secretHint = Array("_secret".utf8)
    static let tokenHint = Array("_token".utf8)
    /// `field=` and `"field"` of each secret field, as bytes.
    static let formKeys = secretFields.map { Array(($0 + "=").utf8) }
    static let jsonKeys = secretFields.map { Array("\"\($0)\"".utf8) }

    /// A header as the log may show it.
    func header(name: String, value: String) -> AuditExchange.Header {
        if Self.isCredentialHeader(name) {
            return .init(name: name, value: Self.markerText, redacted: true)
        }
        let redacted = string(value)
        return .init(name: name, value: redacted.text, redacted: redacted.redacted)
    }

    /// A path or an error text as the log may show it. Copies only when a secret is found.
    func string(_ text: String) -> (text: String, redacted: Bool) {
        var text = text
        let found = text.withUTF8 { utf8 in patterns.contains { Self.find($0, in: utf8, from: 0) != nil } }
        guard found else { return (text, false) }
        let (bytes, _) = redactValues(Array(text.utf8))
        return (String(decoding: bytes, as: UTF8.self), true)
    }

    /// A body as the log may show it, and whether anything was taken out.
    func text(_ bytes: [UInt8]) -> (bytes: [UInt8], redacted: Bool) {
        var (bytes, changed) = redactValues(bytes)
        // Every secret field's name holds `_secret` or `_token`: a body with neither needs no field-by-field look.
        guard Self.find(Self.secretHint, in: bytes, from: 0) != nil || Self.find(Self.tokenHint, in: bytes, from: 0) != nil
        else { return (bytes, changed) }
        for index in Self.secretFields.indices {
            changed = Self.redactFormField(Self.formKeys[index], in: &bytes) || changed
            changed = Self.redactJSONMember(Self.jsonKeys[index], in: &bytes) || changed
        }
        return (bytes, changed)
    }

    /// Replaces each occurrence of a secret pattern (the bytes are copied only when one is found).
    private func redactValues(_ bytes: [UInt8]) -> ([UInt8], Bool) {
        var bytes = bytes
        var changed = false
        for pattern in patterns {
            var from = 0
            while let at = Self.find(pattern, in: bytes, from: from) {
                bytes.replaceSubrange(at..<(at + pattern.count), with: Self.marker)
                from = at + Self.marker.count
                changed = true
            }
        }
        return (bytes, changed)
    }

    /// `field=value` at the start of a form or after `&`: the value, up to the next `&`, becomes the marker.
    static func redactFormField(_ key: [UInt8], in bytes: inout [UInt8]) -> Bool {
        var changed = false
        var from = 0
        while let at = find(key, in: bytes, from: from) {
            from = at + key.count
            guard at == 0 || bytes[at - 1] == UInt8(ascii: "&") else { continue }
            let end = bytes[from...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.endIndex
            if bytes[from..<end].elementsEqual(marker) { continue }
            bytes.replaceSubrange(from..<end, with: marker)
            from += marker.count
            changed = true
        }
        return changed
    }

    /// `"field" : "value"`: the string's content becomes the marker (escapes inside it honoured).
    static func redactJSONMember(_ key: [UInt8], in bytes: inout [UInt8]) -> Bool {
        var changed = false
        var from = 0
        while let at = find(key, in: bytes, from: from) {
            var index = at + key.count
            from = index
            func skipSpaces() {
                while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
            }
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { continue }
            index += 1
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { continue }
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            end = min(end, bytes.count)
            if bytes[start..<end].elementsEqual(marker) { continue }
            bytes.replaceSubrange(start..<end, with: marker)
            from = start + marker.count
            changed = true
        }
        return changed
    }

    /// The first index of `pattern` in `bytes` at or after `from`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { find(pattern, in: $0, from: from) }
    }

    static func find(_ pattern: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = pattern.first, let base = haystack.baseAddress, haystack.count - from >= pattern.count else {
            return nil
        }
        return pattern.withUnsafeBufferPointer { needle in
            var index = from
            let last = haystack.count - needle.count
            while index <= last {
                guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
                let offset = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + offset, needle.baseAddress!, needle.count) == 0 { return offset }
                index = offset + 1
            }
            return nil
        }
    }

    /// The secret as a JSON string would carry it (quotes, backslashes, `/` and controls escaped).
    static func jsonEscaped(_ secret: String) -> String {
        var escaped = ""
        for scalar in secret.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "/": escaped += "\\/"
            case let control where control.value < 0x20:
                escaped += "\\u00" + (control.value < 0x10 ? "0" : "") + String(control.value, radix: 16)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
