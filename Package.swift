// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "tsys-settle",
    products: [
        .executable(name: "tsys-settle", targets: ["SettleCLI"]),
        .executable(name: "settle-bench", targets: ["SettleBench"]),
        .executable(name: "settle-fuzz", targets: ["SettleFuzz"]),
        .library(name: "SettleModel", targets: ["SettleModel"]),
        .library(name: "SettleFraming", targets: ["SettleFraming"]),
        .library(name: "SettleRecords", targets: ["SettleRecords"]),
        .library(name: "SettleLink", targets: ["SettleLink"]),
        .library(name: "SettleSimulator", targets: ["SettleSimulator"]),
        .library(name: "SettleJSON", targets: ["SettleJSON"]),
        .library(name: "SettleDTO", targets: ["SettleDTO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Engine model: the batch as typed values, and every rule checked before a byte is produced.
        .target(name: "SettleModel", swiftSettings: swiftSettings),
        // Wire framing: parity, LRC, control characters, blocks. Knows bytes, not records.
        .target(name: "SettleFraming", swiftSettings: swiftSettings),
        // EIS 1081 records: model <-> fixed-width records, totals, blocking, response records.
        .target(name: "SettleRecords", dependencies: ["SettleModel", "SettleFraming"], swiftSettings: swiftSettings),
        // Link protocol: the terminal side of the settlement session, as a state machine (no I/O).
        .target(name: "SettleLink", dependencies: ["SettleModel", "SettleFraming", "SettleRecords"], swiftSettings: swiftSettings),
        // TSYS host simulator: the host side of the session and its batch judgement (no I/O).
        .target(
            name: "SettleSimulator", dependencies: ["SettleModel", "SettleFraming", "SettleRecords", "SettleTransport"],
            swiftSettings: swiftSettings),
        // Generic HTTP/1.1 (and HTTPS on OpenSSL): strict request parsing and response writing; knows nothing of settlement.
        // HTTP/1.1 without I/O: the request parser, the connection state machine, responses. No
        // OpenSSL and no sockets, so the parser builds and fuzzes on its own.
        .target(name: "SettleHTTPCore", swiftSettings: swiftSettings),
        .target(name: "SettleHTTP", dependencies: ["SettleHTTPCore", "SettleSockets", "COpenSSL", "CSettleTLS"], swiftSettings: swiftSettings),
        // The JSON settlement API: routes, problem documents, status mapping.
        .target(
            name: "SettleAPI",
            dependencies: [
                "SettleHTTP", "SettleService", "SettleDTO", "SettleJSON", "SettleLedger", "SettleModel", "SettleFraming", "SettleRecords",
                "SettleCrypto", "SettleVault",
                .product(name: "CoreMetrics", package: "swift-metrics"), .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // SHA-256, HMAC, hex and random bytes through OpenSSL: one place for every module that hashes.
        .target(name: "SettleCrypto", dependencies: ["COpenSSL"], swiftSettings: swiftSettings),
        // Card numbers at rest: AES-256-GCM through OpenSSL's EVP interface, keyed by a keyring.
        .target(name: "SettleVault", dependencies: ["COpenSSL", "SettleCrypto"], swiftSettings: swiftSettings),
        // Webhooks: the ledger's events delivered signed (Standard Webhooks) over libcurl.
        .target(
            name: "SettleWebhooks",
            dependencies: [
                "SettleLedger", "SettleCrypto", "CCurl", .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // Load for tests and benchmarks: a blocking HTTP/1.1 client (plain or TLS) and slow clients.
        .target(name: "SettleLoad", dependencies: ["SettleTransport"], swiftSettings: swiftSettings),
        // POSIX socket helpers shared by the HTTP server and the processor link.
        .target(name: "SettleSockets", swiftSettings: swiftSettings),
        // Settlement service: processor endpoints, sending a batch and reporting its outcome.
        .target(
            name: "SettleService",
            dependencies: [
                "SettleModel", "SettleFraming", "SettleRecords", "SettleDTO", "SettleLink", "SettleTransport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // Service DTOs: the JSON settlement document and its mapping onto the model.
        // A strict JSON parser to a flat tape, a schema-free reader indexed by key sets, and a writer: no settlement words.
        .target(name: "SettleJSON", swiftSettings: swiftSettings),
        .target(name: "SettleDTO", dependencies: ["SettleJSON", "SettleModel", "SettleFraming", "SettleRecords"], swiftSettings: swiftSettings),
        // System libraries for the processor link (used from the transport layer).
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CPostgres",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // The settlement ledger: every submission recorded before it is sent (SQLite, WAL; or
        // PostgreSQL, shared by replicas).
        .target(name: "SettleLedger", dependencies: ["SettleModel", "CSQLite", "CPostgres"], swiftSettings: swiftSettings),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Transports: TCP and OpenSSL TLS byte streams, and the driver that runs a link session over one.
        .target(
            name: "SettleTransport",
            dependencies: ["SettleLink", "SettleModel", "SettleRecords", "COpenSSL", "CSettleTLS", "CCurl", "SettleSockets"],
            swiftSettings: swiftSettings),
        // C wrappers for OpenSSL macros and variadic calls Swift cannot make.
        .target(name: "CSettleTLS", dependencies: ["COpenSSL"], linkerSettings: [.linkedLibrary("ssl"), .linkedLibrary("crypto")]),
        .executableTarget(
            name: "SettleCLI",
            dependencies: [
                "SettleWebhooks",
                "SettleAPI", "SettleDTO", "SettleHTTP", "SettleLedger", "SettleRecords", "SettleService", "SettleSettings", "SettleSimulator",
                "SettleTransport", "SettleVault", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SettleBench",
            dependencies: [
                "SettleWebhooks",
                "SettleAPI", "SettleChaos", "SettleDTO", "SettleHTTP", "SettleJSON", "SettleLedger", "SettleLoad", "SettleModel", "SettleRecords",
                "SettleLink", "SettleService",
                "SettleSimulator", "SettleTransport", "SettleVault",
            ],
            swiftSettings: swiftSettings
        ),
        // The configuration catalogue and the configuration file reader, apart from the CLI (whose
        // flags take names and help from it) so the file reader can be fuzzed on its own.
        .target(name: "SettleSettings", dependencies: ["SettleModel"], swiftSettings: swiftSettings),
        // The seeded fault simulator: the real ledger, link and host state machines under faults
        // drawn from one seed, invariants checked at every step (`settle-bench chaos`, ChaosTests).
        .target(
            name: "SettleChaos",
            dependencies: [
                "SettleAPI", "SettleDTO", "SettleLedger", "SettleLink", "SettleModel", "SettleRecords", "SettleService", "SettleSimulator",
            ],
            swiftSettings: swiftSettings
        ),
        // Fuzz targets: every parser of untrusted bytes with its invariant (package access, no
        // @testable imports), run by libFuzzer through `settle-fuzz` (scripts/fuzz) and replayed
        // by the tests.
        .target(
            name: "SettleFuzzTargets",
            dependencies: ["SettleHTTPCore", "SettleJSON", "SettleDTO", "SettleRecords", "SettleFraming", "SettleModel", "SettleSettings"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "SettleFuzz", dependencies: ["SettleFuzzTargets"], swiftSettings: swiftSettings),
        .target(
            name: "SettleTestSupport",
            dependencies: ["SettleModel", "SettleJSON"],
            path: "Tests/SettleTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SettleModelTests", dependencies: ["SettleModel", "SettleTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SettleFramingTests", dependencies: ["SettleFraming"], swiftSettings: swiftSettings),
        .testTarget(name: "SettleFuzzTargetsTests", dependencies: ["SettleFuzzTargets"], swiftSettings: swiftSettings),
        .testTarget(name: "SettleChaosTests", dependencies: ["SettleChaos", "SettleLedger", "SettleTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SettleRecordsTests",
            dependencies: ["SettleRecords", "SettleTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SettleJSONTests", dependencies: ["SettleJSON", "SettleTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SettleDTOTests", dependencies: ["SettleDTO", "SettleJSON", "SettleRecords", "SettleTestSupport"],
            exclude: ["Golden"],  // read through #filePath, so an edited golden file needs no rebuild
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SettleLinkTests", dependencies: ["SettleLink", "SettleSimulator", "SettleTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SettleTransportTests", dependencies: ["SettleTransport", "SettleSimulator", "SettleTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "SettleSimulatorTests", dependencies: ["SettleSimulator", "SettleTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SettleAPITests",
            dependencies: [
                "SettleAPI", "SettleDTO", "SettleHTTP", "SettleLedger", "SettleLoad", "SettleModel", "SettleService", "SettleSimulator",
                "SettleTestSupport", "SettleWebhooks",
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "SettleLedgerTests", dependencies: ["SettleLedger", "SettleModel", "SettleTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SettleVaultTests", dependencies: ["SettleVault", "SettleTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SettleCryptoTests", dependencies: ["SettleCrypto"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SettleWebhooksTests", dependencies: ["SettleWebhooks", "SettleLedger", "SettleModel", "SettleTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "SettleHTTPTests", dependencies: ["SettleHTTP", "SettleLoad", "SettleTransport", "SettleTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SettleHTTPCoreTests", dependencies: ["SettleHTTPCore", "SettleTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SettleServiceTests",
            dependencies: [
                "SettleService", "SettleSimulator", "SettleTestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "SettleCLITests", dependencies: ["SettleCLI", "SettleDTO", "SettleJSON", "SettleLoad", "SettleSettings", "SettleTestSupport"],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
