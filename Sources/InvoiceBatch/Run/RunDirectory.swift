#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The run directory's life: created for a new run (refusing one that already holds a run, so nothing is
/// overwritten by accident), or found again for `--resume`.
enum RunDirectory {
    static let spoolName = "input.spool"

    /// Creates `path` for a new run. Returns whether it was created (so a run refused before sending anything
    /// can remove it again).
    static func prepareNew(_ path: String) throws -> Bool {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw RunError("\(path) exists and is not a directory; choose another --out")
            }
            if access(RunManifest.path(in: path), F_OK) == 0 {
                throw RunError(
                    "\(path) already holds a run; finish it with `invoicebatch run --resume \(path)`, or choose "
                        + "another --out"
                )
            }
            return false
        }
        var current = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            current += current.isEmpty || current.hasSuffix("/") ? String(component) : "/\(component)"
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw RunError("cannot create the run directory \(path): \(String(cString: strerror(errno)))")
            }
        }
        return true
    }

    /// Removes what a refused run created: its spool and the directory itself, if empty.
    static func removeIfCreated(_ path: String, created: Bool) {
        guard created else { return }
        unlink(path + "/" + spoolName)
        rmdir(path)
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
