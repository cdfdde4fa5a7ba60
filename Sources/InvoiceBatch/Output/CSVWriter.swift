#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes CSV rows (RFC 4180) to a file, a file descriptor or memory, buffered.
///
/// Reports and failures files are opened in spreadsheets and fed back to `run`, so the output must read back
/// exactly through `CSVReader`: a cell is quoted only when it has to be (it holds the separator, a quote, CR or LF),
/// quotes are doubled, lines end in LF. Rows are collected in a buffer and written in large blocks; `flush()` forces
/// them out (the run journal flushes per chunk) and `close()` flushes and closes. Call `close()` to see write errors:
/// `deinit` only makes a best effort.
///
/// `neutraliseFormulas` guards against spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with
/// `=` `+` `-` `@`, a tab or a CR gets a leading `'`, so an error message echoed from a provider, or a comment from
/// the input, cannot run as a formula when the report is opened. A plain number (`-10.50`, `+3`, `1e3`) is left
/// alone — a spreadsheet reads it as a number, not a formula, and negative amounts must stay readable and
/// re-importable.
public final class CSVWriter {
    /// How cells are written.
    public struct Options: Sendable {
        /// The separator between cells.
        public var delimiter: UInt8
        /// Prefix `'` to cells a spreadsheet would run as a formula (see the type's documentation).
        public var neutraliseFormulas: Bool
        /// Bytes collected before a write to the file.
        public var bufferCapacity: Int

        public init(
            delimiter: UInt8 = UInt8(ascii: ","),
            neutraliseFormulas: Bool = false,
            bufferCapacity: Int = 64 * 1024
        ) {
            self.delimiter = delimiter
            self.neutraliseFormulas = neutraliseFormulas
            self.bufferCapacity = bufferCapacity
        }
    }

    public let options: Options
    private let path: String
    private var descriptor: Int32?
    private let closesDescriptor: Bool
    private var buffer: [UInt8] = []
    private var isClosed = false

    /// Creates (or truncates) the file at `path`.
    /// - Throws: `CSVWriterError` `.cannotCreate`.
    public init(path: String, options: Options = Options()) throws(CSVWriterError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = Self.describe(errno: errno)
            throw CSVWriterError(
                code: .cannotCreate,
                message: "cannot create '\(path)': \(reason); check that its directory exists and is writable",
                path: path
            )
        }
        self.path = path
        self.descriptor = descriptor
        self.closesDescriptor = true
        self.options = options
        buffer.reserveCapacity(options.bufferCapacity)
    }

    /// Writes to an open descriptor (standard output is 1), closing it at `close()` only if `closesDescriptor`.
    public init(fileDescriptor: Int32, closesDescriptor: Bool = false, options: Options = Options()) {
        self.path = ""
        self.descriptor = fileDescriptor
        self.closesDescriptor = closesDescriptor
        self.options = options
        buffer.reserveCapacity(options.bufferCapacity)
    }

    /// Writes to memory; read the result with `bytes` (or `text`).
    public init(options: Options = Options()) {
        self.path = ""
        self.descriptor = nil
        self.closesDescriptor = false
        self.options = options
    }

    deinit {
        if !isClosed { try? close() }
    }

    /// Everything written so far, for an in-memory writer (for a file: what is not flushed yet).
    public var bytes: [UInt8] { buffer }

    /// `bytes` as text.
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    /// Appends one row, cells quoted and neutralised as the options say, ending in LF.
    public func writeRow(_ cells: some Sequence<String>) throws(CSVWriterError) {
        guard !isClosed else {
            throw CSVWriterError(code: .closed, message: "internal error: a row was written after close()", path: path)
        }
        Self.appendRow(cells, options: options, to: &buffer)
        if descriptor != nil, buffer.count >= options.bufferCapacity { try flush() }
    }

    /// Writes the buffered rows to the file (a no-op in memory).
    public func flush() throws(CSVWriterError) {
        guard let descriptor, !buffer.isEmpty else { return }
        let (_, failure) = DescriptorWrite.drain(&buffer, to: descriptor)
        if let failure {
            throw CSVWriterError(
                code: .writeFailed,
                message: "cannot write \(path.isEmpty ? "CSV output" : "'\(path)'"): \(Self.describe(errno: failure)); "
                    + "check free disk space",
                path: path
            )
        }
    }

    /// Flushes and closes. Further writes throw.
    public func close() throws(CSVWriterError) {
        guard !isClosed else { return }
        defer {
            isClosed = true
            if closesDescriptor, let descriptor { _ = systemClose(descriptor) }
        }
        try flush()
    }

    /// The text a cell is written as: neutralised and quoted as needed.
    public static func encode(_ cell: String, options: Options = Options()) -> String {
        var bytes: [UInt8] = []
        appendCell(cell, options: options, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one row's encoding, ending in LF, to `buffer`: for writers that keep their own file (results and
    /// failures files count their bytes for the run journal).
    public static func appendRow(_ cells: some Sequence<String>, options: Options, to buffer: inout [UInt8]) {
        var first = true
        for cell in cells {
            if !first { buffer.append(options.delimiter) }
            first = false
            appendCell(cell, options: options, to: &buffer)
        }
        buffer.append(0x0A)
    }

    private static func appendCell(_ cell: String, options: Options, to buffer: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { bytes in
            let neutralise = options.neutraliseFormulas && looksLikeFormula(bytes)
            var needsQuotes = false
            for byte in bytes
            where byte == options.delimiter || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
            // A neutralised cell starts with a tab or CR only when it is quoted anyway (CR) or the delimiter is a tab.
            if !needsQuotes {
                if neutralise { buffer.append(UInt8(ascii: "'")) }
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(UInt8(ascii: "\""))
            if neutralise { buffer.append(UInt8(ascii: "'")) }
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        }
    }

    /// Starts with `=` `+` `-` `@`, tab or CR, and is not a plain number.
    static func looksLikeFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !isPlainNumber(bytes)
        default: return false
        }
    }

    /// `[+-]?(digits[.digits*] | .digits)([eE][+-]?digits)?`
    static func isPlainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        func digits() -> Int {
            let start = index
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
            return index - start
        }
        if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        var mantissa = digits()
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == count
    }

    private static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// `close(2)`, named apart from `CSVWriter.close()`.
private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
