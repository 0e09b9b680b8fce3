import Foundation
import Testing

/// The `hocso-stress` helper, built next to the test bundle (ProgressStoreTests depends on it).
enum StressHelper {
    static var executable: URL? {
        if let explicit = ProcessInfo.processInfo.environment["HOCSO_STRESS_BIN"] {
            return URL(fileURLWithPath: explicit)
        }
        var candidates: [URL] = []
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        candidates.append(argv0.deletingLastPathComponent().appendingPathComponent("hocso-stress"))
        // macOS runs tests from inside an .xctest bundle: walk up to the products folder.
        var folder = argv0.deletingLastPathComponent()
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("hocso-stress"))
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hocso-stress"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A running `hocso-stress` whose stdout is collected.
    final class Run: @unchecked Sendable {
        let process = Process()
        private let stdout = Pipe()
        private let stderr = Pipe()

        init(executable: URL, db: URL, learner: String, count: Int, extra: [String] = []) throws {
            process.executableURL = executable
            process.arguments = ["--db", db.path, "--learner", learner, "--count", String(count)] + extra
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
        }

        func kill() { Foundation.kill(process.processIdentifier, SIGKILL) }

        /// Waits for the end and returns the seqs printed on complete lines, and stderr.
        func finish() -> (seqs: [Int64], status: Int32, reason: Process.TerminationReason, errors: String) {
            let (lines, status, reason, errors) = finishLines()
            return (lines.compactMap { Int64($0) }, status, reason, errors)
        }

        /// Waits for the end and returns the complete lines printed, and stderr.
        func finishLines() -> (lines: [String], status: Int32, reason: Process.TerminationReason, errors: String) {
            // Read to EOF first: a child blocked on a full pipe would never exit otherwise.
            let out = stdout.fileHandleForReading.readDataToEndOfFile()
            let err = stderr.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: out, as: UTF8.self)
            // Only newline-terminated lines were acknowledged; a cut last line is dropped.
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            lines.removeLast()
            return (
                lines.map(String.init), process.terminationStatus, process.terminationReason,
                String(decoding: err, as: UTF8.self)
            )
        }
    }
}
