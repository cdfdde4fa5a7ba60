// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "invoicebatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "invoicebatch", targets: ["invoicebatch"]),
        .library(name: "InvoiceBatch", targets: ["InvoiceBatch"]),
        .library(name: "InvoiceAPI", targets: ["InvoiceAPI"]),
        .library(name: "AuditLog", targets: ["AuditLog"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Streaming gzip over zlib for `.gz` input and `--gzip-requests`; NIO is needed by the HTTP stack anyway.
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // The embedded sandbox's HTTP server; its graceful shutdown runs on swift-service-lifecycle.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Already in the graph through AsyncHTTPClient; named so the client can set its response decompression limit.
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.26.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Deque for the per-invoice queues of the scheduler.
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // SHA-256 of the input for the run directory (`--resume` refuses a changed input). 3.12.3 or later; 4.x is
        // allowed because swift-nio-extras already resolves swift-crypto 4 in this graph, and `from:` would force a
        // downgrade to 3.x for an API (SHA256) that is the same in both.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // reconciliation.html. swift-mustache rather than Plot 0.14: Mustache escapes every `{{value}}` for HTML,
        // quotes included, in text and attributes alike, while Plot leaves attribute values unescaped and lets an
        // entity-like run (`&amp;`) through text as markup — and this page shows provider error messages and input
        // cells verbatim. It is also Swift 6 / `Sendable` clean and has no dependencies. The templates are Swift
        // string constants (Report/), so the binary needs no resource files; charts are SVG computed in Swift.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libxml2's streaming writer and schema validator, for the XML audit log (Debian: libxml2-dev).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // zlib's gzip file API, so a `.gz` audit log can be sync-flushed at every checkpoint (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The XML audit log: the only module that touches libxml2. It knows nothing else of ours.
        .target(name: "AuditLog", dependencies: ["CLibXML2", "CZlib"]),
        // Wire models, field catalogue and paths of Zuora and AppZen, shared by the client side and the sandbox.
        .target(name: "InvoiceAPI"),
        // All the logic, one folder per pipeline stage.
        .target(
            name: "InvoiceBatch",
            dependencies: [
                "InvoiceAPI",
                "AuditLog",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The embedded simulator of a Zuora tenant and an AppZen account (Hummingbird); InvoiceAPI is all it knows of ours.
        .target(
            name: "InvoiceSandbox",
            dependencies: [
                "InvoiceAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The executable: ArgumentParser commands and nothing else.
        .executableTarget(
            name: "invoicebatch",
            dependencies: [
                "InvoiceBatch",
                "InvoiceSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "InvoiceBatchTests",
            dependencies: [
                "InvoiceBatch",
                "AuditLog",
                "XMLTestSupport",
                "InvoiceAPI",
                "InvoiceSandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),
        // Reads XML back with Foundation's parser, independently of the libxml2 writer under test.
        .target(name: "XMLTestSupport", path: "Tests/XMLTestSupport"),
        .testTarget(
            name: "AuditLogTests",
            dependencies: ["AuditLog", "XMLTestSupport"]
        ),
        .testTarget(
            name: "InvoiceSandboxTests",
            dependencies: [
                "InvoiceSandbox",
                "InvoiceAPI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            // CompressNIO (zlib) to decode the headless-Chromium screenshot of reconciliation.html.
            dependencies: [
                "invoicebatch", "AuditLog", "XMLTestSupport", .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Resources")]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
