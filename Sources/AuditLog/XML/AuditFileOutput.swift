import CLibXML2
import CZlib

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file an audit segment goes to — plain, or gzip when the path ends in `.gz` — as a libxml2 output buffer.
///
/// libxml2 can open the file itself (`xmlNewTextWriterFilename` with a compression level), but it treats the
/// path as a URI: `%41` in a file name is unescaped to `A`, and a `name:` prefix reads as a scheme. It also
/// keeps gzip's own buffer until the file is closed, so a killed run would lose the last exchanges even after a
/// flush. Writing through zlib's gzip file API here keeps the path exact and lets `flush()` end every
/// checkpoint with a sync flush: after a `kill -9`, everything up to the last checkpoint decompresses.
final class AuditFileOutput {
    let path: String
    let compressed: Bool
    private var file: UnsafeMutablePointer<FILE>?
    private var gzip: gzFile?
    /// The first write error (errno text), reported by `flush` and `close`.
    private(set) var failure: String?

    /// Creates the file; it must not exist (a closed segment is evidence, never rewritten).
    init(path: String, compressionLevel: Int32 = 1) throws(AuditLogError) {
        self.path = path
        compressed = path.lowercased().hasSuffix(".gz")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw AuditLogError(path: path, message: "cannot create the file: \(reason)")
        }
        if compressed {
            guard let handle = gzdopen(descriptor, "wb\(compressionLevel)") else {
                closeDescriptor(descriptor)
                throw AuditLogError(path: path, message: "cannot start gzip output")
            }
            gzip = handle
        } else {
            guard let handle = fdopen(descriptor, "w") else {
                closeDescriptor(descriptor)
                throw AuditLogError(path: path, message: "cannot open the file for writing")
            }
            file = handle
        }
    }

    /// Appends bytes; `false` after an error (kept in `failure`).
    func write(_ buffer: UnsafeRawBufferPointer) -> Bool {
        guard failure == nil, let base = buffer.baseAddress, buffer.count > 0 else { return failure == nil }
        if let gzip {
            if gzwrite(gzip, base, UInt32(buffer.count)) != Int32(buffer.count) { return fail(gzipError()) }
        } else if let file {
            if fwrite(base, 1, buffer.count, file) != buffer.count { return fail(String(cString: strerror(errno))) }
        }
        return true
    }

    /// Pushes everything written so far to the operating system (gzip: a sync flush, so it decompresses).
    func flush() throws(AuditLogError) {
        if let gzip, failure == nil, gzflush(gzip, Z_SYNC_FLUSH) != Z_OK { _ = fail(gzipError()) }
        if let file, failure == nil, fflush(file) != 0 { _ = fail(String(cString: strerror(errno))) }
        if let failure { throw AuditLogError(path: path, message: "write failed: \(failure)") }
    }

    /// Finishes the gzip stream and closes the file. Safe to call twice.
    func close() throws(AuditLogError) {
        if let gzip {
            self.gzip = nil
            if gzclose(gzip) != Z_OK, failure == nil { failure = "could not finish the gzip stream" }
        }
        if let file {
            self.file = nil
            if fclose(file) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        }
        if let failure { throw AuditLogError(path: path, message: "write failed: \(failure)") }
    }

    deinit {
        if let gzip { gzclose(gzip) }
        if let file { fclose(file) }
    }

    private func fail(_ reason: String) -> Bool {
        if failure == nil { failure = reason }
        return false
    }

    private func gzipError() -> String {
        guard let gzip else { return "gzip stream closed" }
        var code: Int32 = 0
        let message = gzerror(gzip, &code).map { String(cString: $0) } ?? "gzip error"
        return code == Z_ERRNO ? String(cString: strerror(errno)) : message
    }

    /// A libxml2 output buffer writing here. The buffer holds an unretained reference: the writer that owns the
    /// buffer must be freed before this object.
    func makeOutputBuffer() throws(AuditLogError) -> xmlOutputBufferPtr {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let buffer = xmlOutputBufferCreateIO(
            { context, bytes, length in
                guard let context, let bytes else { return -1 }
                let output = Unmanaged<AuditFileOutput>.fromOpaque(context).takeUnretainedValue()
                let ok = output.write(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
                return ok ? length : -1
            },
            { _ in 0 },  // closing is ours: `close()` after the writer is freed
            context, nil
        )
        guard let buffer else { throw AuditLogError(path: path, message: "libxml2 could not create an output buffer") }
        return buffer
    }
}

/// `close(2)`, named apart from `AuditFileOutput.close()`.
private func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
        _ = Glibc.close(descriptor)
    #elseif canImport(Darwin)
        _ = Darwin.close(descriptor)
    #endif
}
