import Foundation
import InvoiceAPI
import InvoiceBatch
import Testing

@Suite struct RecordReaderTests {
    @Test(arguments: [
        ("in.csv", InputFormat.csv), ("IN.CSV.GZ", .csv), ("x/y.tsv", .csv), ("notes.txt.gz", .csv),
        ("erp.jsonl", .jsonl), ("erp.ndjson.gz", .jsonl),
    ])
    func tellsFormatFromName(path: String, format: InputFormat) {
        #expect(RecordReader.format(forPath: path) == format)
    }

    @Test(arguments: ["-", "data.json", "data", "data.gz", "dir.csv/file", "x.xlsx"])
    func doesNotGuessOtherNames(path: String) {
        #expect(RecordReader.format(forPath: path) == nil)
    }

    @Test func readsCSVFileWithHeader() throws {
        let reader = try RecordReader(path: InputFixture.path("updates.csv"))
        #expect(reader.format == .csv)
        #expect(!reader.isGzipped)
        #expect(reader.header == ["action", "invoiceKey", "dueDate"])
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(reader.fileSize == 13526)
        let records = try readAll(reader)
        #expect(records.count == 500)
        #expect(
            RecordSummary(records[499])
                == RecordSummary(row: 500, line: 501, cells: ["update", "INV-0500", "2026-12-01"])
        )
        #expect(reader.fileBytesRead == 13526)
    }

    @Test func readsGzippedCSVTheSameAsPlain() throws {
        let plain = try readAll(RecordReader(path: InputFixture.path("updates.csv"))).map(RecordSummary.init)
        let reader = try RecordReader(path: InputFixture.path("updates.csv.gz"), blockSize: 128)
        #expect(reader.isGzipped)
        #expect(reader.format == .csv)
        #expect(try readAll(reader).map(RecordSummary.init) == plain)
    }

    @Test func readsGzippedJSONL() throws {
        let reader = try RecordReader(path: InputFixture.path("updates.jsonl.gz"))
        #expect(reader.format == .jsonl)
        #expect(reader.isGzipped)
        #expect(reader.header.isEmpty)
        #expect(reader.delimiter == nil)
        let records = try readAll(reader)
        #expect(records.count == 300)
        #expect(records[299].object?["invoiceKey"] == .string("INV-0300"))
        #expect(records[299].object?["amount"] == .number("-10.50"))
    }

    @Test func detectsGzipByMagicBytesWithoutExtension() throws {
        // As on standard input: no name to go by, only the bytes.
        let reader = try RecordReader(bytes: InputFixture.bytes("updates.csv.gz"), format: .csv, name: "-")
        #expect(reader.isGzipped)
        #expect(try readAll(reader).count == 500)
    }

    @Test func readsGzipMembersConcatenated() throws {
        let gzip = try InputFixture.bytes("updates.jsonl.gz")
        let reader = try RecordReader(bytes: gzip + gzip, format: .jsonl, blockSize: 100)
        let records = try readAll(reader)
        #expect(records.count == 600)
        #expect(records[300].row == 301)
        #expect(records[300].object?["invoiceKey"] == .string("INV-0001"))
    }

    @Test(arguments: ["corrupt.csv.gz", "truncated.csv.gz", "not-gzip.csv.gz"])
    func reportsCorruptGzip(name: String) throws {
        let path = try InputFixture.path(name)
        do {
            let reader = try RecordReader(path: path)
            _ = try readAll(reader)
            Issue.record("expected a corrupt gzip error")
        } catch {
            #expect(error.code == .corruptGzip)
            #expect(error.message.contains("cannot decompress '\(path)'"))
            #expect(error.localizedDescription == error.message)
        }
    }

    @Test func reportsMissingFile() {
        #expect {
            try RecordReader(path: "/nonexistent/updates.csv")
        } throws: { error in
            let error = error as? InputError
            return error?.code == .fileNotFound && error?.message.contains("does not exist") == true
        }
    }

    @Test func reportsDirectory() {
        #expect {
            try RecordReader(path: FileManager.default.temporaryDirectory.path, format: .csv)
        } throws: { error in
            (error as? InputError)?.code == .notReadable
        }
    }

    @Test func reportsUnknownFormatAskingForFormatFlag() throws {
        let path = try InputFixture.temporaryFile(named: "export.dat", contents: Array("a,b\n".utf8))
        defer { InputFixture.removeTemporary(path) }
        #expect {
            try RecordReader(path: path)
        } throws: { error in
            let error = error as? InputError
            return error?.code == .unknownFormat && error?.message.contains("--format csv|jsonl") == true
        }
        #expect(throws: Never.self) { try RecordReader(path: path, format: .csv) }
    }

    @Test func standardInputNeedsFormat() {
        #expect {
            try RecordReader(path: "-")
        } throws: { error in
            let error = error as? InputError
            return error?.code == .unknownFormat && error?.message.hasPrefix("standard input has no file name") == true
        }
    }

    @Test func reportsEmptyInputs() throws {
        let empty = try InputFixture.path("empty.csv")
        let emptyGzip = try InputFixture.temporaryFile(
            named: "empty.jsonl.gz",
            contents: [
                0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xFF, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
            ]
        )
        defer { InputFixture.removeTemporary(emptyGzip) }
        for path in [empty, emptyGzip] {
            #expect(throws: InputError.self) { try RecordReader(path: path) }
            do {
                _ = try RecordReader(path: path)
            } catch {
                #expect(error.code == .emptyInput)
            }
        }
        do {
            _ = try RecordReader(bytes: Array("\r\n\n".utf8), format: .csv)
            Issue.record("expected an empty input error")
        } catch {
            #expect(error.code == .emptyInput)
            #expect(error.message.contains("no header line"))
        }
        // A header alone is not empty: zero records.
        #expect(try RecordReader(path: InputFixture.path("header-only.csv")).next() == nil)
    }

    @Test func tabSeparatedFileDefaultsToTab() throws {
        let path = try InputFixture.temporaryFile(named: "one.tsv", contents: Array("a,b\n1,2\n".utf8))
        defer { InputFixture.removeTemporary(path) }
        let reader = try RecordReader(path: path)
        #expect(reader.delimiter == 0x09)
        #expect(reader.header == ["a,b"])
    }

    @Test(arguments: [
        (",", UInt8(ascii: ",")), (";", UInt8(ascii: ";")), ("tab", 0x09), ("\\t", 0x09), ("|", UInt8(ascii: "|")),
    ])
    func parsesDelimiterNames(name: String, byte: UInt8) throws {
        #expect(try RecordReader.delimiter(named: name) == byte)
    }

    @Test(arguments: ["\"", ",,", "", "\n", "é"])
    func rejectsBadDelimiters(name: String) {
        #expect(throws: InputError.self) { try RecordReader.delimiter(named: name) }
    }

    @Test func readsInChunks() throws {
        let reader = try RecordReader(path: InputFixture.path("updates.csv"))
        var sizes: [Int] = []
        while case let chunk = try reader.nextChunk(maxCount: 200), !chunk.isEmpty {
            sizes.append(chunk.count)
        }
        #expect(sizes == [200, 200, 100])
    }

    @Test func readsChunksAsAsyncSequence() async throws {
        let reader = try RecordReader(path: InputFixture.path("updates.csv.gz"))
        var rows: [Int] = []
        var sizes: [Int] = []
        for try await chunk in reader.chunks(ofSize: 150) {
            sizes.append(chunk.count)
            rows += chunk.map(\.row)
        }
        #expect(sizes == [150, 150, 150, 50])
        #expect(rows == Array(1...500))
    }

    @Test func readsStandardInputPipe() throws {
        // `-` reads file descriptor 0; exercise it through a child process so the test runner's stdin is untouched.
        let gzip = try InputFixture.path("updates.csv.gz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec cat \"$0\"", gzip]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let saved = dup(0)
        dup2(pipe.fileHandleForReading.fileDescriptor, 0)
        defer {
            dup2(saved, 0)
            close(saved)
        }
        let reader = try RecordReader(path: "-", format: .csv)
        #expect(reader.isGzipped)
        #expect(reader.fileSize == nil)
        #expect(try readAll(reader).count == 500)
        process.waitUntilExit()
    }
}
