import Foundation

/// The real programs, found once for every suite: `$HOCSO_BIN_DIR` (e.g. the release folder of
/// `tools/build-release`), else beside the test bundle, else `.build/debug`.
public enum Program: String, Sendable, CaseIterable {
    /// Authors, centres and learners.
    case hocso
    /// District and province hubs.
    case hub = "hocso-hub"
    /// Developer tools.
    case dev = "hocso-dev"
    /// The fuzz targets, built plainly: replays saved inputs (docs/fuzzing.md).
    case fuzz = "hocso-fuzz"

    /// The package's root folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder the programs are taken from.
    public static let folder: URL = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["HOCSO_BIN_DIR"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if FileManager.default.isExecutableFile(atPath: beside.appendingPathComponent("hocso").path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug")
    }()

    /// The executable.
    public var url: URL { Self.folder.appendingPathComponent(rawValue) }

    /// What a finished run printed and how it ended.
    public struct Result: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// Runs the program to completion in `directory` with extra environment variables and
    /// standard input. Output is read in English (`HOCSO_LANG=en`) unless `environment` says
    /// otherwise: the Vietnamese words are tested where they are made, and by the language tests.
    public func run(
        _ arguments: [String], in directory: URL = Program.packageRoot, environment: [String: String] = [:],
        input: String = ""
    ) throws -> Result {
        try Self.run(url.path, arguments, in: directory, environment: environment, input: input)
    }

    /// Runs any executable (a shell, `ldd`, `unshare` wrapping one of ours) the same way `run`
    /// runs ours: English, no colour, standard error read beside standard output.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: URL = Program.packageRoot,
        environment: [String: String] = [:], input: String = ""
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["HOCSO_LANG"] = "en"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        // Drain stderr on another thread while reading stdout, so a chatty child never blocks on a full pipe.
        let stderrBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrBox.data, as: UTF8.self))
    }

    /// Carries bytes read on another thread back to the caller (the group's wait orders the accesses).
    private final class DataBox: @unchecked Sendable { var data = Data() }
}
