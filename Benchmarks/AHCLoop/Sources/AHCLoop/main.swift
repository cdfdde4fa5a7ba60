// A plain AsyncHTTPClient loop: the ceiling that `invoicebatch run`'s pipeline is measured against.
//
//   AHCLoop BASE_URL DRY_RUN_FILE [CONCURRENCY]
//
// Reads the requests from the output of `invoicebatch run INPUT --dry-run` (`# row N …`, `METHOD PATH`, JSON body),
// gets one OAuth token from BASE_URL/oauth/token as `run` does, then sends every request with one `HTTPClient`,
// CONCURRENCY (default 32) in flight, a new one started the moment any ends (a bounded task group), with the
// headers `run` sends (bearer, Accept, Content-Type, Zuora-Track-Id `<run>-<row>-1`, Accept-Encoding: gzip) and
// each answer's body collected. The client is configured as `run` configures its own
// (`HTTPClient.Configuration.invoiceBatch`: CONCURRENCY + 2 connections, decompression on, no redirects), so the
// comparison measures the pipeline, not a different pool. Prints figures, one per line.
import AsyncHTTPClient
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#endif

struct Call: Sendable {
    var row: Int
    var method: HTTPMethod
    var path: String
    var body: [UInt8]?
}

func fail(_ message: String) -> Never {
    print("AHCLoop: \(message)")
    exit(2)
}

/// The requests of a dry run, in file order.
func readCalls(_ path: String) -> [Call] {
    guard let file = fopen(path, "r") else { fail("cannot open \(path)") }
    defer { fclose(file) }
    var calls: [Call] = []
    var row = 0
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    while getline(&line, &capacity, file) > 0 {
        var text = String(cString: line!)
        if text.hasSuffix("\n") { text.removeLast() }
        if text.hasPrefix("# row ") {
            row = Int(text.dropFirst(6).prefix { $0.isNumber }) ?? row + 1
        } else if text.hasPrefix("{") || text.hasPrefix("[") {
            calls[calls.count - 1].body = Array(text.utf8)
        } else if let space = text.firstIndex(of: " "), !text.hasPrefix("#") {
            calls.append(Call(row: row, method: HTTPMethod(rawValue: String(text[..<space])), path: String(text[text.index(after: space)...])))
        }
    }
    free(line)
    return calls
}

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: AHCLoop BASE_URL DRY_RUN_FILE [CONCURRENCY]") }
let baseURL = arguments[1].hasSuffix("/") ? String(arguments[1].dropLast()) : arguments[1]
let calls = readCalls(arguments[2])
let concurrency = arguments.count > 3 ? Int(arguments[3]) ?? 32 : 32
guard !calls.isEmpty else { fail("no requests in \(arguments[2])") }

var configuration = HTTPClient.Configuration(
    redirectConfiguration: .disallow,
    timeout: .init(connect: .seconds(10), read: .seconds(60)),
    connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency + 2),
    decompression: .enabled(limit: .size(16 * 1024 * 1024))
)
configuration.httpVersion = .automatic

let (seconds, failures) = try await HTTPClient.withHTTPClient(configuration: configuration) { client in
    var tokenRequest = HTTPClientRequest(url: baseURL + "/oauth/token")
    tokenRequest.method = .POST
    tokenRequest.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
    tokenRequest.body = .bytes(ByteBuffer(string: "grant_type=client_credentials&client_id=bench&client_secret=bench"))
    let tokenResponse = try await client.execute(tokenRequest, deadline: .now() + .seconds(10))
    let tokenBody = String(buffer: try await tokenResponse.body.collect(upTo: 1 << 20))
    guard let range = tokenBody.firstRange(of: "\"access_token\":\"") else { fail("no token in \(tokenBody)") }
    let token = String(tokenBody[range.upperBound...].prefix { $0 != "\"" })

    let runID = "ahcloop-0000"
    let started = now()
    let failures = await withTaskGroup(of: Bool.self) { group in
        func send(_ call: Call) {
            group.addTask {
                var request = HTTPClientRequest(url: baseURL + call.path)
                request.method = call.method
                request.headers.add(name: "Authorization", value: "Bearer \(token)")
                request.headers.add(name: "Accept", value: "application/json")
                if let body = call.body {
                    request.headers.add(name: "Content-Type", value: "application/json")
                    request.body = .bytes(ByteBuffer(bytes: body))
                }
                request.headers.add(name: "Zuora-Track-Id", value: "\(runID)-\(call.row)-1")
                request.headers.add(name: "Accept-Encoding", value: "gzip")
                do {
                    let response = try await client.execute(request, deadline: .now() + .seconds(60))
                    _ = try await response.body.collect(upTo: 16 * 1024 * 1024)
                    return response.status == .ok
                } catch {
                    return false
                }
            }
        }
        var failures = 0
        var next = 0
        while next < min(concurrency, calls.count) {
            send(calls[next])
            next += 1
        }
        while let succeeded = await group.next() {
            if !succeeded { failures += 1 }
            if next < calls.count {
                send(calls[next])
                next += 1
            }
        }
        return failures
    }
    return (now() - started, failures)
}

print("requests: \(calls.count) (\(failures) not 200)")
print("concurrency: \(concurrency)")
print("seconds: \(Double(Int(seconds * 1000)) / 1000)")
print("requests/s: \(Int((Double(calls.count) / seconds).rounded()))")
