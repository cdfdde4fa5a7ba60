// swift-tools-version: 6.1
import PackageDescription

// The baseline of `Benchmarks/run-throughput.sh`: a plain AsyncHTTPClient loop sending the requests `invoicebatch run`
// sends. A package of its own, so the main package and CI never build it (built with its own `.build`).
let package = Package(
    name: "AHCLoop",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "AHCLoop",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        )
    ]
)
