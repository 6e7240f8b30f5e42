// swift-tools-version:6.1
import PackageDescription

/// Settings shared by every target: Swift 6 language mode plus explicit `any` for existentials.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "omnichannel-gateway",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gateway", targets: ["Gateway"]),
        .library(name: "ChannelKit", targets: ["ChannelKit"]),
        .library(name: "ChannelKitTesting", targets: ["ChannelKitTesting"]),
        .library(name: "APIChannel", targets: ["APIChannel"]),
        .library(name: "TelegramChannel", targets: ["TelegramChannel"]),
        .library(name: "MetaChannel", targets: ["MetaChannel"]),
        .library(name: "TwilioChannel", targets: ["TwilioChannel"]),
        .library(name: "EmailChannel", targets: ["EmailChannel"]),
        .library(name: "WebChatChannel", targets: ["WebChatChannel"]),
        .library(name: "Brain", targets: ["Brain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", exact: "2.8.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // The adapter contract and the normalized model. No server, no database, no I/O.
        .target(
            name: "ChannelKit",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Helpers every adapter's tests reuse: a fake provider HTTP server on 127.0.0.1.
        .target(
            name: "ChannelKitTesting",
            dependencies: [
                "ChannelKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Channel adapters: pure translators, ChannelKit only.
        .target(
            name: "APIChannel",
            dependencies: ["ChannelKit"],
            path: "Plugins/APIChannel",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TelegramChannel",
            dependencies: ["ChannelKit"],
            path: "Plugins/TelegramChannel",
            swiftSettings: swiftSettings
        ),
        // SMS and voice through Twilio: one signature scheme, two adapters.
        .target(
            name: "TwilioChannel",
            dependencies: ["ChannelKit"],
            path: "Plugins/TwilioChannel",
            swiftSettings: swiftSettings
        ),
        // Email through SendGrid: Inbound Parse (multipart or raw MIME), v3 mail send, signed events.
        .target(
            name: "EmailChannel",
            dependencies: ["ChannelKit"],
            path: "Plugins/EmailChannel",
            swiftSettings: swiftSettings
        ),
        // Web chat: settings, the socket protocol's frames, visitor tokens, and the widget and demo
        // page (Widget/, embedded in the binary).
        .target(
            name: "WebChatChannel",
            dependencies: ["ChannelKit"],
            path: "Plugins/WebChatChannel",
            resources: [.embedInCode("Widget/widget.js"), .embedInCode("Widget/demo.html")],
            swiftSettings: swiftSettings
        ),
        // WhatsApp Cloud API and Instagram Messaging: both Meta Graph API, one signature scheme.
        .target(
            name: "MetaChannel",
            dependencies: ["ChannelKit"],
            path: "Plugins/MetaChannel",
            swiftSettings: swiftSettings
        ),
        // OpenBLAS (Debian libopenblas-dev): the matrix products of the native MiniLM embedder.
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        // The embedder's few-row matrix product on weights packed at load time (AVX-512, chosen
        // at run time; OpenBLAS elsewhere). Optimized in debug builds too.
        .target(
            name: "CMiniLMKernels",
            path: "Sources/CMiniLMKernels",
            cSettings: [.unsafeFlags(["-O2"])]
        ),
        // float16 vectors for the customer memory: conversion and dot products (F16C where the
        // CPU has it, chosen at run time; portable C elsewhere). Optimized in debug builds too.
        .target(
            name: "CHalfVectors",
            path: "Sources/CHalfVectors",
            cSettings: [.unsafeFlags(["-O2"])]
        ),
        // The conversation pipeline and storage. Knows no provider's wire format.
        .target(
            name: "Brain",
            dependencies: [
                "ChannelKit",
                "CBLAS",
                "CMiniLMKernels",
                "CHalfVectors",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Optimized in debug builds too: the embedder's and the vector index's loops run
            // 10–50× slower unoptimized, which would make every test that embeds crawl.
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // The executable: config, HTTP routes, inbound worker, outbound dispatcher.
        .executableTarget(
            name: "Gateway",
            dependencies: [
                "ChannelKit",
                "APIChannel",
                "TelegramChannel",
                "MetaChannel",
                "TwilioChannel",
                "EmailChannel",
                "WebChatChannel",
                "Brain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            // The admin API's OpenAPI document and the page that renders it, served as they are.
            resources: [.embedInCode("Admin/openapi.json"), .embedInCode("Admin/docs.html")],
            swiftSettings: swiftSettings
        ),
        // The pipeline's own overhead per message: `swift run -c release PipelineBench`.
        .executableTarget(
            name: "PipelineBench",
            dependencies: [
                "Brain",
                "ChannelKit",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/PipelineBench",
            swiftSettings: swiftSettings
        ),
        // The native embedder's speed against the SGEMM limit: `swift run -c release EmbedBench`.
        .executableTarget(
            name: "EmbedBench",
            dependencies: ["Brain", "CMiniLMKernels"],
            path: "Benchmarks/EmbedBench",
            swiftSettings: swiftSettings
        ),
        // Exact and HNSW vector search at 10k…1M vectors: `swift run -c release IndexBench`.
        .executableTarget(
            name: "IndexBench",
            dependencies: ["Brain"],
            path: "Benchmarks/IndexBench",
            swiftSettings: swiftSettings
        ),
        // The semantic memory's start-up rebuild from SQLite at 10k…1M vectors: `swift run -c release MemoryBench`.
        .executableTarget(
            name: "MemoryBench",
            dependencies: [
                "Brain",
                "CHalfVectors",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/MemoryBench",
            swiftSettings: swiftSettings
        ),
        // The semantic cache's precision and hit rate on labelled pairs: `swift run -c release CacheCalibration`.
        .executableTarget(
            name: "CacheCalibration",
            dependencies: ["Brain"],
            path: "Benchmarks/CacheCalibration",
            exclude: ["pairs.tsv"],
            swiftSettings: swiftSettings
        ),
        // The knowledge base's precision and recall on labelled messages: `swift run -c release KBEval`.
        .executableTarget(
            name: "KBEval",
            dependencies: ["Brain"],
            path: "Benchmarks/KBEval",
            exclude: ["tuning.json", "heldback.json"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChannelKitTests",
            dependencies: [
                "ChannelKit",
                "ChannelKitTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "APIChannelTests",
            dependencies: ["APIChannel", "ChannelKit"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TelegramChannelTests",
            dependencies: ["TelegramChannel", "ChannelKit", "ChannelKitTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TwilioChannelTests",
            dependencies: ["TwilioChannel", "ChannelKit", "ChannelKitTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EmailChannelTests",
            dependencies: ["EmailChannel", "ChannelKit", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebChatChannelTests",
            dependencies: ["WebChatChannel", "ChannelKit"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MetaChannelTests",
            dependencies: ["MetaChannel", "ChannelKit", "ChannelKitTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "BrainTests",
            dependencies: [
                "Brain",
                "ChannelKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "Gateway",
                "ChannelKit",
                "ChannelKitTesting",
                "APIChannel",
                "WebChatChannel",
                "Brain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
