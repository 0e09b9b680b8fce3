// swift-tools-version:6.2
import PackageDescription

/// Our own targets are built with every warning treated as an error; dependencies are not.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "HocSo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hocso", targets: ["hocso"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // C libraries: one door each, only the wrapper target below imports them.
        .systemLibrary(
            name: "CArchive", pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // sync_file_range, which Swift's Glibc module hides: installs start writing a pack's files
        // to disk while they are still being extracted.
        .target(name: "CWriteback"),
        // Follows the nested part of a JSON document 64 bytes at a time: install's check of
        // course.json's id and version (a vector comparison to bit mask, which Swift cannot write).
        .target(name: "CJSONScan"),

        // The interface language (vi/en) and phrases said in both; imports nothing.
        .target(name: "Localization", swiftSettings: strict),
        // The leaf: what a course is, how answers are matched and graded. Imports nothing of ours.
        .target(name: "CourseModel", swiftSettings: strict),
        // Markdown → a Swift syntax tree with source positions (wraps cmark-gfm).
        .target(name: "MarkdownSyntax", dependencies: ["CCmarkGFM"], swiftSettings: strict),
        // Course folders → compiled courses plus diagnostics.
        .target(
            name: "CourseCompiler",
            dependencies: ["CourseModel", "MarkdownSyntax", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        // Moodle's GIFT and Aiken question files in, GIFT out: readers, a course-folder writer, a GIFT writer.
        .target(
            name: "CourseInterchange", dependencies: ["CourseModel", "CourseCompiler", "Localization"],
            swiftSettings: strict),
        // Streaming tar + zstd reading and writing (wraps libarchive).
        .target(name: "ArchiveIO", dependencies: ["CArchive"], swiftSettings: strict),
        // Signed packs: build, verify, install into a content store, list.
        .target(
            name: "Packs",
            dependencies: [
                "CourseModel", "ArchiveIO", "CWriteback", "CJSONScan",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // Compiled content → wrapped, styled terminal lines.
        .target(name: "TerminalText", dependencies: ["CourseModel"], swiftSettings: strict),

        // The quiz as a pure state machine: no terminal, no clock, no database.
        .target(name: "QuizEngine", dependencies: ["CourseModel"], swiftSettings: strict),
        // Spreadsheet exports split into records with their file lines (learner and area imports).
        .target(name: "CSVText", swiftSettings: strict),
        // Durable WAL pools, and GRDB's statements bound and stepped through SQLite's C API for hot paths.
        .target(
            name: "SQLiteSupport", dependencies: [.product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        // The centre's SQLite database: learners, the append-only event log, derived progress.
        .target(
            name: "ProgressStore",
            dependencies: [
                "CourseModel", "CSVText", "QuizEngine", "SQLiteSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // The terminal learner client: screens, keys, input methods; over the engine and the store.
        .target(
            name: "LearnerClient",
            dependencies: ["CourseModel", "QuizEngine", "ProgressStore", "TerminalText", "Packs"],
            swiftSettings: strict),

        // The hub's database behind a narrow protocol (SQLite now, PostgreSQL later).
        .target(
            name: "HubStore",
            dependencies: ["CourseModel", "SQLiteSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        // Node identity, signed bundles and receipts, the HTTP push/pull client.
        .target(
            name: "Sync",
            dependencies: [
                "CourseModel", "ProgressStore", "HubStore", "ArchiveIO", "Packs",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: strict),
        // Coordinator reports over a hub (or centre) database, in every output form.
        .target(
            name: "Reports",
            dependencies: [
                "CourseModel", "CSVText", "HubStore", "SQLiteSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        // The coordinators' web dashboard, as routes a hub server mounts.
        .target(
            name: "Dashboard",
            dependencies: [
                "Reports", "HubStore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // The hub's HTTP server: sync endpoints, pack catalogue, health, and the dashboard.
        .target(
            name: "HubServer",
            dependencies: [
                "HubStore", "Sync", "Packs", "Dashboard", .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict),

        // The one executable: parses arguments, calls one library function, maps errors to exit codes.
        .executableTarget(
            name: "hocso",
            dependencies: [
                "CourseModel", "CourseCompiler", "CourseInterchange", "Localization", "Packs", "TerminalText",
                "ProgressStore", "LearnerClient", "HubStore", "Sync", "Reports", "HubServer", "Dashboard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict),

        .testTarget(name: "CourseModelTests", dependencies: ["CourseModel"], swiftSettings: strict),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"], swiftSettings: strict),
        .testTarget(
            name: "CourseCompilerTests", dependencies: ["CourseCompiler", "CourseModel", "MarkdownSyntax"],
            swiftSettings: strict),
        .testTarget(
            name: "PacksTests", dependencies: ["Packs", "ArchiveIO", "CourseModel", "CourseCompiler", "QuizEngine"],
            swiftSettings: strict),
        .testTarget(
            name: "TerminalTextTests", dependencies: ["TerminalText", "CourseModel", "QuizEngine"],
            swiftSettings: strict),
        .testTarget(name: "QuizEngineTests", dependencies: ["QuizEngine", "CourseModel"], swiftSettings: strict),
        .testTarget(
            name: "ProgressStoreTests", dependencies: ["ProgressStore", "CourseModel", "QuizEngine", "hocso-stress"],
            swiftSettings: strict),
        .testTarget(
            name: "LearnerClientTests",
            dependencies: ["LearnerClient", "QuizEngine", "TerminalText", "CourseModel", "CourseCompiler"],
            swiftSettings: strict),
        .testTarget(
            name: "SyncTests",
            dependencies: [
                "Sync", "HubStore", "HubServer", "ProgressStore", "CourseModel", "QuizEngine",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "Dashboard", "HubStore", "CourseModel", "CSVText",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .testTarget(name: "CSVTextTests", dependencies: ["CSVText"], swiftSettings: strict),
        .testTarget(
            name: "CourseInterchangeTests",
            dependencies: ["CourseInterchange", "CourseCompiler", "CourseModel", "Localization", "QuizEngine"],
            swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests", dependencies: ["CourseModel", "CourseCompiler", "Packs"], swiftSettings: strict),
        .executableTarget(
            name: "hocso-stress", dependencies: ["ProgressStore", "CourseModel"], path: "Tests/Support/hocso-stress"),
    ]
)
