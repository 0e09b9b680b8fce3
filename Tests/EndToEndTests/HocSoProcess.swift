import Foundation

/// Runs the real `hocso` binary built next to the tests, as a user would.
struct HocSoProcess {
    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$HOCSO_BINARY` (e.g. the release build of `tools/build-release`), else the built binary
    /// beside the test bundle, else `.build/debug/hocso`.
    static let binary: URL = {
        if let explicit = ProcessInfo.processInfo.environment["HOCSO_BINARY"] { return URL(fileURLWithPath: explicit) }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("hocso")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/hocso")
    }()

    /// What a finished run printed and how it exited.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `hocso` with arguments, in `directory`, with extra environment variables and standard input.
    static func run(
        _ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:], input: String = ""
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
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
        let stderrData = stderrBox.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Carries bytes read on another thread back to the caller (the group's wait orders the accesses).
    private final class DataBox: @unchecked Sendable { var data = Data() }

    /// A fresh temporary folder for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hocso-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The course folders in `Courses/`, sorted.
    static func courseFolders() throws -> [String] {
        let courses = packageRoot.appendingPathComponent("Courses")
        return try FileManager.default.contentsOfDirectory(atPath: courses.path)
            .filter { FileManager.default.fileExists(atPath: courses.appendingPathComponent("\($0)/course.yaml").path) }
            .sorted()
            .map { "Courses/\($0)" }
    }
}
