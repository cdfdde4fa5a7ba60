#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import InvoiceAPI

extension Reconciliation {
    public static let csvName = "reconciliation.csv"
    public static let jsonName = "reconciliation.json"
    public static let htmlName = "reconciliation.html"

    /// Writes `reconciliation.csv`, `.json` and `.html` into `directory` (created as needed), each atomically, so a
    /// reconciliation run again replaces the last one whole.
    /// - Throws: `ReconcileError` `.cannotWrite`.
    public func write(to directory: String) throws(ReconcileError) {
        try Self.makeDirectory(directory)
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var csv: [UInt8] = []
        let options = CSVWriter.Options()
        CSVWriter.appendRow(ReconciledRow.columns, options: options, to: &csv)
        for row in rows { CSVWriter.appendRow(row.cells, options: options, to: &csv) }
        let html: String
        do { html = try ReconciliationReport(self).render() } catch {
            throw ReconcileError(.cannotWrite, "cannot render \(base + Self.htmlName): \(error)")
        }
        for (name, bytes) in [
            (Self.csvName, csv), (Self.jsonName, PrettyJSON.bytes(.object(jsonObject))), (Self.htmlName, Array(html.utf8)),
        ] {
            do { try OutputFile.writeAtomically(bytes, to: base + name) } catch {
                throw ReconcileError(.cannotWrite, "\(error.message); choose another --out")
            }
        }
    }

    /// `mkdir -p`.
    static func makeDirectory(_ path: String) throws(ReconcileError) {
        var current = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            current += current.isEmpty || current.hasSuffix("/") ? String(component) : "/\(component)"
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw ReconcileError(
                    .cannotWrite,
                    "cannot create \(path): \(String(cString: strerror(errno))); choose another --out")
            }
        }
        guard ResultsFile.isDirectory(path) else {
            throw ReconcileError(.cannotWrite, "\(path) exists and is not a directory; choose another --out")
        }
    }
}
