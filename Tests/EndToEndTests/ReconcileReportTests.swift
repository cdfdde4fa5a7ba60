import Foundation
import Testing

/// `reconciliation.html` in a real browser: headless Chromium (Debian's `chromium`, installed by `.ci/run`) renders
/// it to a screenshot that is not blank, and its DOM carries the totals.
extension EndToEnd {
    @Suite struct ReconcileReportTests {
        static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }

        /// Runs Chromium headless on `arguments` with a throwaway profile; returns its standard output.
        static func chromium(_ arguments: [String], profile: URL) throws -> String {
            guard let chromium else {
                throw SandboxProcessError("chromium is not installed: run `bash .ci/install-packages` (apt-get install chromium)")
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--user-data-dir=\(profile.path)",
            ] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let reader = LockedData()
            let thread = Thread { reader.set(out.fileHandleForReading.readDataToEndOfFile()) }
            thread.start()
            let deadline = Date().addingTimeInterval(180)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            if process.isRunning {
                process.terminate()
                throw SandboxProcessError("chromium did not finish in 180 s")
            }
            while !reader.isSet { Thread.sleep(forTimeInterval: 0.01) }
            return String(decoding: reader.value, as: UTF8.self)
        }

        @Test func reportRendersInHeadlessChromiumWithItsTotals() throws {
            let directory = try Binary.temporaryDirectory()
            // Ten updates; rows 2 and 4 name invoices that are Canceled in every seed, so they fail.
            let keys = [15, 61, 16, 62, 17, 18, 19, 20, 21, 22]
            let input = directory.appendingPathComponent("fixes.csv")
            try CSVTable(
                header: ["action", "invoiceKey", "rowId", "dueDate"],
                rows: keys.enumerated().map { index, key in
                    ["update", String(format: "INV-%08d", key), "FIX-\(index + 1)", String(format: "2026-08-%02d", index + 1)]
                }
            ).write(to: input)
            let runDirectory = directory.appendingPathComponent("fixes.run")
            let run = try Binary.run(["run", input.path, "--out", runDirectory.path, "--quiet"])
            #expect(run.status == 1, "\(run.stderr)")
            let out = directory.appendingPathComponent("fixes.reconcile")
            let reconcile = try Binary.run(["reconcile", input.path, runDirectory.path])
            #expect(reconcile.status == 1, "\(reconcile.stderr)")
            let page = ReconciliationFiles(out).html
            #expect(FileManager.default.fileExists(atPath: page.path), "the default --out is <input stem>.reconcile")

            let html = try String(contentsOf: page, encoding: .utf8)
            for forbidden in ["<script", "<link", "@import", "url(http", "src=\"http"] {
                #expect(!html.contains(forbidden), "self-contained: no \(forbidden)")
            }

            let screenshot = directory.appendingPathComponent("report.png")
            _ = try Self.chromium(
                ["--screenshot=\(screenshot.path)", "--window-size=1280,1600", page.absoluteString],
                profile: directory.appendingPathComponent("profile"))
            let image = try PNGImage(contentsOf: screenshot)
            #expect(image.width == 1280)
            let counts = image.colourCounts
            let background = counts.values.max() ?? 0
            let total = image.width * image.height
            #expect(counts.count > 50, "a rendered page has text and charts in many colours, not \(counts.count)")
            #expect(Double(total - background) / Double(total) > 0.2, "more than a fifth of the page is drawn on")
            // The outcome colours of the charts are on screen: succeeded green and failed red.
            #expect(counts[0x2E7D32, default: 0] > 500, "green bars of succeeded rows")
            #expect(counts[0xC62828, default: 0] > 200, "red bars of failed rows")

            let dom = try Self.chromium(["--dump-dom", page.absoluteString], profile: directory.appendingPathComponent("profile2"))
            for (id, value) in [("total-rows", "10"), ("total-succeeded", "8"), ("total-failed", "2"), ("total-missing", "0")] {
                #expect(
                    dom.contains(#"id="\#(id)" style="--c:"#) && dom.range(of: #"id="\#(id)"[^>]*><span class="n">\#(value)</span>"#, options: .regularExpression) != nil,
                    "\(id) shows \(value)")
            }
            #expect(dom.contains("2 of 10 rows need attention"))
        }
    }
}
