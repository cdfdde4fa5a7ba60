import InvoiceAPI

extension BatchRun {
    /// When the file names invoices both by ID and by number, resolves every distinct number to its ID first
    /// (one `GET /v1/invoices/{number}` each, concurrently within `--concurrency`, cached by the client), so that
    /// an invoice named both ways is one ordered queue.
    func resolveNumbers(
        _ preflight: Preflight.Report, path: String, client: InvoiceClient, flow: FlowControl,
        interrupts: InterruptMonitor
    ) async throws -> [String: Result<String, ClientError>] {
        guard preflight.needsKeyResolution else { return [:] }
        let reader = try RecordReader(path: path, format: preflight.format, delimiter: preflight.delimiter)
        let checker = RowChecker(
            header: preflight.format == .csv ? reader.header : nil, defaultAction: configuration.defaultAction
        )
        var numbers: [String] = []
        var seen: Set<String> = []
        while let record = try reader.next() {
            let row = checker.check(record)
            guard row.operation != nil, let key = Self.rawKey(for: row), !InvoiceKey.isID(key) else { continue }
            if seen.insert(key).inserted { numbers.append(key) }
        }
        if !configuration.quiet {
            StandardError.write(
                "invoicebatch: the file names invoices by ID and by number; resolving \(numbers.count) numbers first\n"
            )
        }
        var resolved: [String: Result<String, ClientError>] = [:]
        await withTaskGroup(of: (String, Result<String, ClientError>).self) { group in
            var next = numbers.makeIterator()
            var running = 0
            while true {
                while running < flow.concurrencyTarget, interrupts.current == .running, let number = next.next() {
                    running += 1
                    group.addTask {
                        do throws(ClientError) {
                            return (number, .success(try await client.resolveID(number: number)))
                        } catch {
                            return (number, .failure(error))
                        }
                    }
                }
                guard let (number, result) = await group.next() else { break }
                running -= 1
                resolved[number] = result
            }
        }
        return resolved
    }
}
