#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InvoiceAPI

/// One RESULTS argument of `reconcile`: a `results.csv`/`.jsonl`, or a run directory (its results file is taken),
/// and the run directory's `run.json` when there is one beside the file — which names the input the run read, so
/// the request each row sent can be rebuilt.
public struct ResultsFile: Sendable {
    /// The argument as given.
    public let argument: String
    /// The results file.
    public let path: String
    /// The run's manifest, when `run.json` sits beside the results file.
    public let manifest: RunManifest?
    /// Why there is no manifest (`nil` when there is one).
    public let manifestProblem: String?

    static let candidateNames = ["results.csv", "results.jsonl", "results.csv.gz", "results.jsonl.gz"]

    /// Resolves `argument` to a results file.
    /// - Throws: `ReconcileError` `.unreadableResults` when it names nothing, or a directory without a results file.
    public static func locate(_ argument: String) throws(ReconcileError) -> ResultsFile {
        var path = argument
        if isDirectory(argument) {
            let directory = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
            guard let name = candidateNames.first(where: { access("\(directory)/\($0)", R_OK) == 0 }) else {
                throw ReconcileError(
                    .unreadableResults,
                    "\(argument): a directory without results.csv or results.jsonl; give a run directory (the --out "
                        + "of `invoicebatch run`) or a results file"
                )
            }
            path = "\(directory)/\(name)"
        } else if access(argument, R_OK) != 0 {
            throw ReconcileError(
                .unreadableResults,
                "\(argument): no such results file or run directory (\(String(cString: strerror(errno)))); give the "
                    + "results.csv/.jsonl of a run, or its run directory"
            )
        }
        let directory = Self.directory(of: path)
        var manifest: RunManifest?
        var problem: String?
        if access(RunManifest.path(in: directory), F_OK) == 0 {
            do { manifest = try RunManifest.load(directory: directory) } catch { problem = error.message }
        } else {
            problem = "no run.json beside \(path), so the run's own input is unknown"
        }
        return ResultsFile(argument: argument, path: path, manifest: manifest, manifestProblem: problem)
    }

    /// The directory holding the results file (its run directory, when it is one).
    public var directory: String { Self.directory(of: path) }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
