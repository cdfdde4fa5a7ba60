extension RecordReader {
    /// The format a file name implies, after stripping `.gz`: `.csv` `.tsv` `.txt` → CSV, `.jsonl` `.ndjson`
    /// → JSONL; nil for any other name and for standard input (`-`).
    public static func format(forPath path: String) -> InputFormat? {
        guard path != "-" else { return nil }
        let name = strippingGzipExtension(path).lowercased()
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
        switch name[name.index(after: dot)...] {
        case "csv", "tsv", "txt": return .csv
        case "jsonl", "ndjson": return .jsonl
        default: return nil
        }
    }

    /// A `--delimiter` value as a byte: a single ASCII character (`,` `;` `|` …), or `tab` / `\t`,
    /// `comma`, `semicolon`.
    /// - Throws: `InputError` `.invalidDelimiter` for anything else (a quote, a line break, several characters).
    public static func delimiter(named text: String) throws(InputError) -> UInt8 {
        switch text.lowercased() {
        case "tab", "\\t", "\t": return 0x09
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        default: break
        }
        let bytes = Array(text.utf8)
        guard bytes.count == 1, bytes[0] < 0x80, bytes[0] >= 0x20 || bytes[0] == 0x09, bytes[0] != UInt8(ascii: "\"")
        else {
            throw InputError(
                code: .invalidDelimiter,
                message: "'\(text)' cannot be a CSV delimiter; give one character such as ',' or ';', or 'tab'",
                path: ""
            )
        }
        return bytes[0]
    }

    static func hasGzipExtension(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".gz")
    }

    static func strippingGzipExtension(_ path: String) -> String {
        hasGzipExtension(path) ? String(path.dropLast(3)) : path
    }

    static func describe(_ path: String) -> String {
        path == "-" ? "standard input" : "'\(path)'"
    }

    static func unknownFormatError(path: String) -> InputError {
        if path == "-" {
            return InputError(
                code: .unknownFormat,
                message: "standard input has no file name to tell its format from; pass --format csv|jsonl",
                path: path
            )
        }
        return InputError(
            code: .unknownFormat,
            message: "cannot tell the format of '\(path)' from its name (expected .csv, .tsv, .txt, .jsonl or "
                + ".ndjson, optionally .gz); pass --format csv|jsonl",
            path: path
        )
    }
}
