import Foundation
import TestSupport
import Testing

/// The fuzz targets' seeds and every input a fuzzer once crashed on, replayed through the plain
/// build of `hocso-fuzz` (the same code `tools/fuzz` instruments): each must run to the end.
@Suite("hocso-fuzz: seeds and past crash inputs replay without a crash")
struct FuzzReplayEndToEndTests {
    static let targets = [
        "course", "course-json", "pack", "bundle", "event-lines", "receipt", "registration", "learners-csv",
        "areas-csv",
        "hub-request",
    ]
    static let fixtures = Program.packageRoot.appendingPathComponent("Tests/Fixtures/fuzz")

    @Test(arguments: targets)
    func seedsReplay(target: String) throws {
        let result = try replay(target, Self.fixtures.appendingPathComponent(target))
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        #expect(result.stdout.contains("replayed through \(target), no crash"))
    }

    /// The targets with inputs that once crashed them (`regressions/TARGET/`).
    static let crashedTargets = targets.filter {
        FileManager.default.fileExists(atPath: fixtures.appendingPathComponent("regressions/\($0)").path)
    }

    @Test(arguments: crashedTargets)
    func pastCrashInputsReplay(target: String) throws {
        let folder = Self.fixtures.appendingPathComponent("regressions/\(target)")
        let result = try replay(target, folder)
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
    }

    @Test func anUnknownTargetIsAUsageError() throws {
        let result = try Program.fuzz.run(["no-such-target", "x"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("targets: course, course-json, pack, bundle, event-lines"))
    }

    private func replay(_ target: String, _ folder: URL) throws -> Program.Result {
        let scratch = try TemporaryFolder("fuzz-replay")
        return try Program.fuzz.run(
            [target, folder.path], in: scratch.url,
            environment: [
                "HOCSO_FUZZ_SUPPORT": Self.fixtures.appendingPathComponent("support").path,
                "TMPDIR": scratch.url.path,
            ])
    }
}
