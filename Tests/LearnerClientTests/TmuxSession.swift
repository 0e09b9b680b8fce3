import Foundation

/// A detached tmux session at a fixed size, driven by `send-keys` and read by `capture-pane`.
final class TmuxSession {
    let name: String
    let socket: String

    /// Whether tmux is installed.
    static var isAvailable: Bool { which("tmux") != nil }

    static func which(_ tool: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Starts `command` (a shell command line) in a new 80×24 session on a private tmux server.
    init(command: String, width: Int = 80, height: Int = 24, directory: URL) throws {
        name = "hocso-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        socket = directory.appendingPathComponent("tmux.sock").path
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Sends tmux key names (`Enter`, `Up`, `C-c`).
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", name] + names) }

    /// Types text literally, one key at a time as a person would.
    func type(_ text: String) throws {
        for character in text { try tmux(["send-keys", "-t", name, "-l", String(character)]) }
    }

    /// The screen as text.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Waits until the screen contains `text`; fails with the screen when it does not in time.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? last
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxError(message: "timed out waiting for “\(text)”; the screen was:\n\(last)")
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.which("tmux") ?? "/usr/bin/tmux")
        process.arguments = ["-u", "-S", socket, "-f", "/dev/null"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus != 0 && arguments.first != "kill-server" {
            throw TmuxError(message: "tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
