// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "invoicebatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "invoicebatch", targets: ["invoicebatch"]),
        .library(name: "InvoiceBatch", targets: ["InvoiceBatch"]),
        .library(name: "InvoiceAPI", targets: ["InvoiceAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Streaming gzip over zlib for `.gz` input and `--gzip-requests`; NIO is needed by the HTTP stack anyway.
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // Wire models, field catalogue and paths of Zuora and AppZen, shared by the client side and the sandbox.
        .target(name: "InvoiceAPI"),
        // All the logic, one folder per pipeline stage.
        .target(
            name: "InvoiceBatch",
            dependencies: [
                "InvoiceAPI",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The executable: ArgumentParser commands and nothing else.
        .executableTarget(
            name: "invoicebatch",
            dependencies: [
                "InvoiceBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "InvoiceBatchTests",
            dependencies: ["InvoiceBatch", "InvoiceAPI"],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["invoicebatch"],
            resources: [.copy("Resources")]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
