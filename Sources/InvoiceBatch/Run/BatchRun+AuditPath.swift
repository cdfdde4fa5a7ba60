#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension BatchRun {
    /// Refuses, before anything is sent, a log path that exists (a closed log is evidence) or whose directory
    /// does not.
    static func checkAuditPath(_ path: String?) throws(RunError) {
        guard let path else { return }
        var info = stat()
        if lstat(path, &info) == 0 {
            throw RunError(
                "--audit-xml \(path) exists: an audit log is never overwritten; give another path or move the old "
                    + "log away (a resumed run adds its next segment by itself); nothing was sent"
            )
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        if stat(directory, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
            throw RunError("--audit-xml \(path): the directory \(directory) does not exist; nothing was sent")
        }
    }
}
