import InvoiceAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension RunJournal {
    /// Reads the journal of `directory` for `--resume`, streaming, in memory bounded by the run's look-ahead window.
    ///
    /// Keeps the last checkpoint and the rows that finished beyond it: a row line is kept, and each checkpoint drops
    /// the kept rows it covers (rows that finished ahead of the in-order front are journaled *before* the checkpoint
    /// that covers them, so "after the checkpoint" means by row number, not by position in the file).
    /// - Throws: `OutputError` `.cannotRead` (missing or unreadable), `.corruptFile` (a complete line that is not
    ///   one this tool writes — the journal was edited or is not ours).
    public static func load(directory: String) throws(OutputError) -> JournalState {
        let path = path(in: directory)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(
                code: .cannotRead,
                message: "cannot resume from '\(directory)': cannot read its journal '\(path)' "
                    + "(\(describe(errno: errno))); is it the run directory of an earlier run?",
                path: path
            )
        }
        defer { _ = closeDescriptor(descriptor) }

        var loader = JournalLoader(path: path)
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError(
                    code: .cannotRead, message: "cannot read '\(path)': \(describe(errno: errno))", path: path
                )
            }
            if count == 0 { break }
            try loader.consume(block[..<count])
        }
        return loader.finish()
    }
}

/// The line splitter and state of `RunJournal.load`.
private struct JournalLoader {
    let path: String
    var checkpoint: JournalCheckpoint?
    var finished: [Int: RowResult] = [:]
    var rowLines = 0
    /// Bytes of complete lines consumed.
    var validLength = 0
    var lineNumber = 0
    /// The start of a line not yet ended.
    var partial: [UInt8] = []
    let parser = JSONParser()

    init(path: String) {
        self.path = path
    }

    mutating func consume(_ bytes: ArraySlice<UInt8>) throws(OutputError) {
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            if partial.isEmpty {
                try line(bytes[start..<newline])
            } else {
                partial.append(contentsOf: bytes[start..<newline])
                let whole = partial
                partial.removeAll(keepingCapacity: true)
                try line(whole[...])
            }
            start = newline + 1
        }
        partial.append(contentsOf: bytes[start...])
    }

    mutating func line(_ bytes: ArraySlice<UInt8>) throws(OutputError) {
        lineNumber += 1
        validLength += bytes.count + 1
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { return }
        let parsed = bytes.withUnsafeBytes { raw in
            Result { () throws(JSONParseError) -> JSONValue in try parser.parse(raw) }
        }
        let value: JSONValue
        switch parsed {
        case .success(let parsedValue): value = parsedValue
        case .failure(let error): throw corrupt("is not JSON (\(error.message))")
        }
        guard case .object(let object) = value else { throw corrupt("is not a JSON object") }
        if object["checkpoint"] != nil {
            guard let found = JournalCheckpoint(json: object) else {
                throw corrupt("is a checkpoint without whole-number 'checkpoint', 'resultsBytes', 'failuresBytes'")
            }
            checkpoint = found
            if !finished.isEmpty { finished = finished.filter { $0.key > found.rows } }
        } else {
            let result = try RowResult(json: object, path: path)
            rowLines += 1
            if result.row > (checkpoint?.rows ?? 0) { finished[result.row] = result }
        }
    }

    func corrupt(_ problem: String) -> OutputError {
        OutputError(
            code: .corruptFile,
            message: "'\(path)' line \(lineNumber) \(problem); the journal was changed by hand or is not this tool's. "
                + "The run cannot be resumed safely: start a new run with another --out (reconcile can tell which "
                + "rows were already applied)",
            path: path
        )
    }

    func finish() -> JournalState {
        var torn: JournalState.TornLine?
        if !partial.isEmpty {
            torn = JournalState.TornLine(
                offset: validLength, length: partial.count,
                prefix: String(decoding: partial.prefix(80), as: UTF8.self)
            )
        }
        return JournalState(
            checkpoint: checkpoint, finishedRows: finished, validLength: validLength, tornLine: torn,
            rowLines: rowLines
        )
    }
}
