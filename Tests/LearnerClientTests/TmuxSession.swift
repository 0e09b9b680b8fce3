import Foundation
import TestSupport

/// A detached tmux session at a fixed size, driven by `send-keys` and read by `capture-pane`.
final class TmuxSession {
    let name: String
    /// The server's socket, in a folder of the session's own: a test's folder may be removed
    /// before the session closes (the socket went with it, `kill-server` could not reach the
    /// server, and full test runs left tmux servers and clients running), and two sessions
    /// started one after another in one folder raced on one socket path.
    let socket: String
    private let socketFolder: URL
    /// The tmux server's process and the program's (for tests of this driver).
    private(set) var serverPid: pid_t?
    private(set) var programPid: pid_t?
    private var closed = false

    /// Starts `command` (a shell command line) in a new session of the given size on a private tmux server.
    init(command: String, width: Int = 80, height: Int = 24) throws {
        name = "hocso-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        socketFolder = try temporaryDirectory("tmux")
        socket = socketFolder.appendingPathComponent("tmux.sock").path
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        serverPid = processId("#{pid}")
        programPid = processId("#{pane_pid}")
    }

    deinit { close() }

    /// A process id tmux reports (`#{pid}`, `#{pane_pid}`).
    private func processId(_ format: String) -> pid_t? {
        (try? tmux(["display-message", "-p", "-t", name, format])).flatMap {
            pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Ends the tmux server and the program in it, once.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: socketFolder)
    }

    /// Sends tmux key names (`Enter`, `Up`, `C-c`).
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", name] + names) }

    /// Sends one tmux key, then waits until the screen contains `text` (the screen it brought).
    @discardableResult
    func press(_ key: String, until text: String, timeout: TimeInterval = 15) throws -> String {
        try keys(key)
        return try waitFor(text, timeout: timeout)
    }

    /// Types text literally, one key at a time as a person would.
    func type(_ text: String) throws {
        for character in text { try tmux(["send-keys", "-t", name, "-l", String(character)]) }
    }

    /// Pastes text as a terminal does with bracketed paste on (the way a mouse paste arrives).
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "--", text])
        try tmux(["paste-buffer", "-p", "-t", name])
    }

    /// The process id of the program the pane's shell is running (its first child).
    func clientPID() throws -> pid_t? {
        let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { pid_t($0) }
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
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let tool = RequiredTool.path("tmux") ?? "/usr/bin/tmux"
        let (status, text) = try Spawn.run(
            tool, ["-u", "-S", socket, "-f", "/dev/null"] + arguments, environment: environment)
        if status != 0 && arguments.first != "kill-server" {
            throw TmuxError(message: "tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }
}

/// Runs a program and waits for it with `posix_spawn` and `waitpid`.
///
/// Foundation's `Process` was seen not to reap `tmux new-session -d` here (a zombie client and a
/// test that never returned), and the tmux server keeps inherited pipes open; so output goes to
/// a temporary file and the child is waited for directly.
enum Spawn {
    static func run(_ path: String, _ arguments: [String], environment: [String: String]) throws -> (Int32, String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)")
            .path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        // The test runner's threads block most signals and a child inherits that mask: the tmux
        // server, and the client in it, could then be ended by neither SIGTERM nor SIGHUP.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TmuxError(message: "cannot start \(path): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
