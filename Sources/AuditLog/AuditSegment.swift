#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where each segment of a run's audit log goes. A closed segment is evidence and is never rewritten: a resumed
/// run writes the next one beside it — `audit.xml.gz`, then `audit.2.xml.gz`, `audit.3.xml.gz` — each a whole
/// document valid on its own.
public enum AuditSegment {
    /// The path of segment `number` of the log `base` (segment 1 is `base` itself): the number goes before
    /// `.xml` / `.xml.gz` / `.gz`, or at the end.
    public static func path(base: String, number: Int) -> String {
        guard number > 1 else { return base }
        let slash = base.lastIndex(of: "/").map { base.index(after: $0) } ?? base.startIndex
        let name = base[slash...].lowercased()
        for suffix in [".xml.gz", ".xml", ".gz"] where name.hasSuffix(suffix) && name.count > suffix.count {
            let cut = base.index(base.endIndex, offsetBy: -suffix.count)
            return "\(base[..<cut]).\(number)\(base[cut...])"
        }
        return "\(base).\(number)"
    }

    /// The first segment of `base` whose file does not exist yet: `(1, base)` for a new log.
    public static func next(base: String) -> (number: Int, path: String) {
        var number = 1
        while exists(path(base: base, number: number)) { number += 1 }
        return (number, path(base: base, number: number))
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
