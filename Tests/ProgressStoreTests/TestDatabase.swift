import Foundation
import ProgressStore

/// A fresh database file on disk in its own temporary folder, per test.
struct TestDatabase {
    let folder: URL
    var path: URL { folder.appendingPathComponent("centre.sqlite") }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hocso-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Opens the store with a fixed clock (2026-03-01 UTC) unless told otherwise.
    func open(clock: @escaping @Sendable () -> Int64 = { 1_772_323_200_000 }) throws -> CentreStore {
        try CentreStore(path: path, mode: .createIfMissing, clock: clock)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// Sample learners, Vietnamese names included.
enum Sample {
    static func learner(_ code: String, name: String = "Nguyễn Thị Lan", pin: String? = nil) -> NewLearner {
        NewLearner(code: code, displayName: name, birthYear: 1968, gender: .nu, commune: "Xã Tân Phú", pin: pin)
    }
}

/// Where the fixture files live.
enum FixtureFiles {
    static var progress: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/progress")
    }
}
