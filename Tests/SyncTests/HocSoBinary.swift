import Foundation
import Synchronization

/// The real `hocso` binary, run as an operator would.
enum HocSoBinary {
    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `$HOCSO_BINARY` (e.g. the release build of `tools/build-release`), else the built binary
    /// beside the test bundle, else `.build/debug/hocso`.
    static let url: URL = {
        if let explicit = ProcessInfo.processInfo.environment["HOCSO_BINARY"] { return URL(fileURLWithPath: explicit) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "hocso")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/hocso")
    }()

    /// `hocso-hub`, found the same way (`$HOCSO_HUB_BINARY`, else beside `hocso`).
    static let hubURL: URL = {
        if let explicit = ProcessInfo.processInfo.environment["HOCSO_HUB_BINARY"] {
            return URL(fileURLWithPath: explicit)
        }
        return url.deletingLastPathComponent().appendingPathComponent("hocso-hub")
    }()

    /// What a run printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `hocso-hub` to completion.
    static func runHub(_ arguments: [String]) throws -> Result { try run(arguments, program: hubURL) }

    /// Runs `hocso` to completion.
    static func run(_ arguments: [String], program: URL = url) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // These tests read the English output; the Vietnamese words are tested where they are made.
        env["HOCSO_LANG"] = env["HOCSO_LANG"] ?? "en"
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    private final class Box: @unchecked Sendable { var data = Data() }

    /// A `hocso-hub serve` child process; `url` is where it listens (read from its first line).
    final class Server {
        let process = Process()
        private(set) var url = URL(string: "http://127.0.0.1")!

        init(db: URL, port: Int = 0, extra: [String] = []) throws {
            process.executableURL = HocSoBinary.hubURL
            process.arguments =
                ["serve", "--db", db.path, "--host", "127.0.0.1", "--port", String(port)] + extra
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait for the line that says the server listens: no sleeping, no timing.
            var buffer = Data()
            while !buffer.contains(0x0A) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { throw CocoaError(.fileReadUnknown) }
                buffer.append(chunk)
            }
            let line = String(decoding: buffer, as: UTF8.self).split(separator: "\n")[0]
            guard let range = line.range(of: "http://"), let parsed = URL(string: String(line[range.lowerBound...]))
            else {
                throw CocoaError(.fileReadCorruptFile)
            }
            url = parsed
        }

        /// Kills the server without warning (SIGKILL) and waits for it to be gone.
        func kill() {
            if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        deinit { kill() }
    }
}
