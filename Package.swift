// swift-tools-version:6.2
import PackageDescription

/// Our own targets are built with every warning treated as an error; dependencies are not.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "HocSo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hocso", targets: ["hocso"]),
        .executable(name: "hocso-hub", targets: ["hocso-hub"]),
        .executable(name: "hocso-dev", targets: ["hocso-dev"]),
        .executable(name: "hocso-fuzz", targets: ["hocso-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C libraries: one door each, only the wrapper target below imports them.
        // libarchive's headers (libarchive-dev); the library itself is opened on first use.
        .target(name: "CArchive", linkerSettings: [.linkedLibrary("dl")]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // libFuzzer's driver entry point, linked only in fuzzing builds (`-sanitize=fuzzer`).
        .systemLibrary(name: "CFuzzer"),

        // The interface language (vi/en) and phrases said in both; imports nothing.
        .target(name: "Localization", swiftSettings: strict),
        // The leaf: what a course is, how answers are matched and graded. Imports nothing of ours.
        // A cursor over JSON bytes for the fast readers of our own canonical JSON (course.json, event lines).
        .target(name: "CanonicalJSON", swiftSettings: strict),
        .target(name: "CourseModel", dependencies: ["CanonicalJSON"], swiftSettings: strict),
        // Markdown → a Swift syntax tree with source positions (wraps cmark-gfm).
        .target(name: "MarkdownSyntax", dependencies: ["CCmarkGFM"], swiftSettings: strict),
        // Course folders → compiled courses plus diagnostics.
        .target(
            name: "CourseCompiler",
            dependencies: ["CourseModel", "Localization", "MarkdownSyntax", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        // Moodle's GIFT and Aiken question files in, GIFT out: readers, a course-folder writer, a GIFT writer.
        .target(
            name: "CourseInterchange", dependencies: ["CourseModel", "CourseCompiler", "Localization"],
            swiftSettings: strict),
        // Streaming tar + zstd reading and writing (wraps libarchive).
        .target(name: "ArchiveIO", dependencies: ["CArchive", "Localization"], swiftSettings: strict),
        // Lesson search: every installed lesson step in SQLite FTS5, folded so `duong` finds `đường`.
        .target(
            name: "LessonSearch",
            dependencies: [
                "CourseModel", "Localization", "SQLiteSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        // Signed packs: build, verify, install into a content store (and its search index), list.
        .target(
            name: "Packs",
            dependencies: [
                "CourseModel", "ArchiveIO", "LessonSearch", "Localization",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // Compiled content → wrapped, styled terminal lines.
        .target(name: "TerminalText", dependencies: ["CourseModel", "Localization"], swiftSettings: strict),

        // The one event model: what a learner did, as client, centre, sync, hubs and reports see it.
        .target(name: "LearnerEvents", dependencies: ["CourseModel", "Localization"], swiftSettings: strict),
        // The quiz as a pure state machine: no terminal, no clock, no database.
        .target(name: "QuizEngine", dependencies: ["CourseModel", "LearnerEvents"], swiftSettings: strict),
        // Spreadsheet exports split into records with their file lines (learner and area imports).
        .target(name: "CSVText", swiftSettings: strict),
        // Escaping text for the HTML pages every program writes (reports, sheets, certificates).
        .target(name: "HTMLText", swiftSettings: strict),
        // Durable WAL pools, and GRDB's statements bound and stepped through SQLite's C API for hot paths.
        .target(
            name: "SQLiteSupport", dependencies: ["Localization", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        // Typed secrets (PINs, passwords) as salted PBKDF2 hashes, through swift-crypto.
        .target(
            name: "Credentials",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // Certificates anyone can verify offline: JCS (RFC 8785), did:key, Open Badges 3.0
        // credentials with eddsa-jcs-2022 proofs, the QR text form, the verifier. No database.
        .target(
            name: "Certificates",
            dependencies: ["CZlib", "Localization", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        // The printed certificate page: A4 HTML with the credential embedded and a QR code (libqrencode).
        .target(
            name: "CertificatePrint", dependencies: ["Certificates", "CQREncode", "HTMLText", "Localization"],
            swiftSettings: strict),
        // The centre's SQLite database: learners, the append-only event log, derived progress.
        .target(
            name: "ProgressStore",
            dependencies: [
                "Certificates", "CourseModel", "Credentials", "CSVText", "LearnerEvents", "Localization",
                "SQLiteSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        // The terminal learner client: screens, keys, input methods; over the engine and the store.
        .target(
            name: "LearnerClient",
            dependencies: [
                "Certificates", "CourseModel", "LearnerEvents", "LessonSearch", "Localization", "QuizEngine",
                "ProgressStore",
                "TerminalText", "Packs",
            ],
            swiftSettings: strict),

        // The facilitator's console: groups' live board and the session sheet, over the centre
        // database (read-only) and the learner client's terminal layer.
        .target(
            name: "FacilitatorConsole",
            dependencies: [
                "HTMLText", "LearnerClient", "LearnerEvents", "Localization", "Packs", "ProgressStore",
                "TerminalText",
            ],
            swiftSettings: strict),

        // The hub's data behind protocols a backend implements (SQLite now, PostgreSQL next): events,
        // centres, areas, accounts, and the aggregates reports read. No database code here.
        .target(
            name: "HubStore", dependencies: ["CourseModel", "LearnerEvents", "Localization"], swiftSettings: strict),
        // The SQLite backend of the hub store (GRDB): schema, idempotent import, report aggregates.
        .target(
            name: "HubStoreSQLite",
            dependencies: [
                "CourseModel", "HubStore", "LearnerEvents", "Localization", "SQLiteSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        // The PostgreSQL backend of the hub store (PostgresNIO): partitioned events, COPY import,
        // report aggregates kept at insert, for provinces and the nation.
        .target(
            name: "HubStorePostgres",
            dependencies: [
                "CourseModel", "HubStore", "LearnerEvents", "Localization",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict),
        // What centres and hubs exchange: keys, signed bundles and receipts, registrations, the push
        // body, event lines, and the HTTP client both sides push with.
        .target(
            name: "SyncWire",
            dependencies: [
                "CanonicalJSON", "HubStore", "LearnerEvents", "Localization",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: strict),
        // A centre's side of sync: bundles out, receipts in, pushing to a hub, pulling packs.
        .target(
            name: "SyncCentre",
            dependencies: [
                "ArchiveIO", "HubStore", "LearnerEvents", "Localization", "Packs", "ProgressStore", "SyncWire",
            ],
            swiftSettings: strict),
        // A hub's side of sync: bundles in, pushes received, receipts signed, pushing upstream.
        .target(
            name: "SyncHub",
            dependencies: ["ArchiveIO", "Certificates", "HubStore", "LearnerEvents", "Localization", "SyncWire"],
            swiftSettings: strict),
        // Coordinator reports over a hub (or centre) database, in every output form.
        .target(
            name: "Reports",
            dependencies: [
                "CourseModel", "CSVText", "HTMLText", "HubStore", "LearnerEvents", "Localization",
            ],
            swiftSettings: strict),
        // The same reports run on one centre's database (a temporary SQLite hub in memory).
        .target(
            name: "CentreReports",
            dependencies: ["HubStore", "HubStoreSQLite", "Localization", "ProgressStore", "Reports"],
            swiftSettings: strict),
        // A generated province (areas, centres, learners, millions of events) for benchmarks and
        // trying the dashboard: developer tooling, not part of the product.
        .target(
            name: "ProvinceSeed", dependencies: ["CourseModel", "HubStore", "LearnerEvents", "Reports"],
            swiftSettings: strict),
        // Blocking store calls of the hub's request handlers, kept off Swift's shared threads.
        .target(
            name: "BlockingCalls", dependencies: [.product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strict),
        // The coordinators' web dashboard, as routes a hub server mounts.
        .target(
            name: "Dashboard",
            dependencies: [
                "BlockingCalls", "Credentials", "HTMLText", "Reports", "HubStore", "LearnerEvents", "Localization",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // The hub's HTTP server: sync endpoints, pack catalogue, health, and the dashboard.
        .target(
            name: "HubServer",
            dependencies: [
                "BlockingCalls", "Certificates", "HubStore", "SyncWire", "SyncHub", "Packs", "Dashboard", "HTMLText",
                "Localization", "Reports",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ],
            swiftSettings: strict),

        // What both executables' commands share: `--lang`, worded failures, console output.
        .target(
            name: "CommandSupport",
            dependencies: ["Localization", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        // The six report commands, over a centre's database (`hocso`) or a hub's (`hocso-hub`).
        .target(
            name: "ReportCommands",
            dependencies: [
                "CommandSupport", "CourseCompiler", "CourseModel", "HubStore", "Localization", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),

        // `hocso`: trainers, centre operators and learners. Thin: parses, calls one library
        // function, maps errors to exit codes. It links no server and no dashboard.
        .executableTarget(
            name: "hocso",
            dependencies: [
                "CentreReports", "CertificatePrint", "Certificates", "CommandSupport", "CourseCompiler",
                "CourseInterchange", "CourseModel", "FacilitatorConsole", "LearnerClient",
                "LearnerEvents",
                "Localization", "Packs", "ProgressStore", "ReportCommands", "Reports", "SyncCentre", "SyncWire",
                "TerminalText", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        // `hocso-hub`: district and province hubs — imports, the server and dashboard, reports.
        .executableTarget(
            name: "hocso-hub",
            dependencies: [
                "Certificates", "CommandSupport", "CourseModel", "Dashboard", "HubServer", "HubStore",
                "HubStorePostgres",
                "HubStoreSQLite",
                "Localization",
                "ReportCommands", "Reports", "SyncHub", "SyncWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        // `hocso-dev`: developer tools (a generated province, the dashboard alone, benchmark hooks).
        .executableTarget(
            name: "hocso-dev",
            dependencies: [
                "CommandSupport", "CourseCompiler", "Dashboard", "HubStore", "HubStorePostgres", "HubStoreSQLite",
                "LearnerEvents",
                "Localization", "ProgressStore", "ProvinceSeed", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict),

        // `hocso-fuzz`: libFuzzer targets over every reader of untrusted bytes (tools/fuzz builds
        // it with `-sanitize=fuzzer -DFUZZING`); a plain build replays saved inputs.
        .executableTarget(
            name: "hocso-fuzz",
            dependencies: [
                "CFuzzer", "CourseCompiler", "CourseModel", "HubServer", "HubStore", "HubStoreSQLite",
                "Localization", "Packs", "ProgressStore", "Reports", "SyncHub", "SyncWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: strict),

        // What every test suite shares: the programs, golden files, temporary folders, required tools.
        .target(name: "TestSupport", path: "Tests/Support/TestSupport", swiftSettings: strict),
        // The hub backends the backend-neutral suite runs on: SQLite, and PostgreSQL from `HOCSO_TEST_PG_URL`.
        .target(
            name: "HubBackends", dependencies: ["TestSupport", "HubStore", "HubStoreSQLite", "HubStorePostgres"],
            path: "Tests/Support/HubBackends", swiftSettings: strict),
        // A real Hummingbird server on 127.0.0.1 for a test, always stopped gracefully.
        .target(
            name: "LiveServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/Support/LiveServer", swiftSettings: strict),
        .testTarget(name: "CourseModelTests", dependencies: ["TestSupport", "CourseModel"], swiftSettings: strict),
        .testTarget(name: "LocalizationTests", dependencies: ["TestSupport", "Localization"], swiftSettings: strict),
        .testTarget(
            name: "CertificatesTests",
            dependencies: [
                "TestSupport", "Certificates", "CertificatePrint", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .testTarget(name: "CredentialsTests", dependencies: ["TestSupport", "Credentials"], swiftSettings: strict),
        .testTarget(
            name: "LearnerEventsTests", dependencies: ["TestSupport", "LearnerEvents", "CourseModel"],
            swiftSettings: strict),
        .testTarget(
            name: "CourseCompilerTests",
            dependencies: ["TestSupport", "CourseCompiler", "CourseModel", "Localization", "MarkdownSyntax"],
            swiftSettings: strict),
        .testTarget(
            name: "PacksTests",
            dependencies: [
                "TestSupport", "Packs", "ArchiveIO", "CourseModel", "CourseCompiler", "Localization", "QuizEngine",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "LessonSearchTests",
            dependencies: ["TestSupport", "LessonSearch", "CourseModel", "CourseCompiler", "Packs"],
            swiftSettings: strict),
        .testTarget(
            name: "TerminalTextTests", dependencies: ["TestSupport", "TerminalText", "CourseModel", "QuizEngine"],
            swiftSettings: strict),
        .testTarget(
            name: "QuizEngineTests", dependencies: ["TestSupport", "QuizEngine", "CourseModel", "LearnerEvents"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ProgressStoreTests",
            dependencies: [
                "TestSupport",
                "Certificates", "ProgressStore", "CourseModel", "LearnerEvents", "Localization", "QuizEngine",
                "hocso-stress", "FacilitatorConsole",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "LearnerClientTests",
            dependencies: [
                "TestSupport",
                "LearnerClient", "LearnerEvents", "Localization", "QuizEngine", "TerminalText", "CourseModel",
                "CourseCompiler", "FacilitatorConsole", "LessonSearch", "Packs",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "SyncTests",
            dependencies: [
                "TestSupport", "HubBackends", "LiveServer", "Certificates", "BlockingCalls",
                "SyncWire", "SyncCentre", "SyncHub", "HubStore", "HubStoreSQLite", "HubStorePostgres", "HubServer",
                "ProgressStore", "CourseModel", "LearnerClient", "LearnerEvents", "Localization", "Packs",
                "QuizEngine", "Reports",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "TestSupport", "HubBackends", "LiveServer", "SyncHub", "SyncWire",
                "CentreReports", "Reports", "Dashboard", "HubStore", "HubStoreSQLite", "HubStorePostgres",
                "CourseModel", "CSVText",
                "LearnerEvents", "Localization", "ProgressStore", "ProvinceSeed",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .testTarget(name: "CSVTextTests", dependencies: ["TestSupport", "CSVText"], swiftSettings: strict),
        .testTarget(
            name: "CourseInterchangeTests",
            dependencies: [
                "TestSupport", "CourseInterchange", "CourseCompiler", "CourseModel", "Localization", "QuizEngine",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "CourseModel", "CourseCompiler", "Localization", "Packs"],
            swiftSettings: strict),
        .executableTarget(
            name: "hocso-stress", dependencies: ["Certificates", "ProgressStore", "CourseModel", "LearnerEvents"],
            path: "Tests/Support/hocso-stress"),
    ]
)
