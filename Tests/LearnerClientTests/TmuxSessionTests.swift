import Foundation
import TestSupport
import Testing

/// The tmux driver itself: full test runs left tmux servers, and the clients in them, running.
@Suite struct TmuxSessionTests {
    @Test func aTmuxServerWhoseFolderWasRemovedFirstStillEnds() throws {
        guard RequiredTool.available("tmux") else { return }
        let work = try temporaryDirectory("tmux-end")
        let session = try TmuxSession(command: "cd '\(work.path)' && sleep 600")
        let server = try #require(session.serverPid)
        let program = try #require(session.programPid)
        #expect(Self.running(server) && Self.running(program))
        // The test's folder goes first, as a test's `defer` may do before the session closes.
        try FileManager.default.removeItem(at: work)
        session.close()
        let deadline = Date().addingTimeInterval(5)
        while Self.running(server) || Self.running(program), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!Self.running(server), "tmux server \(server) still runs")
        #expect(!Self.running(program), "the program in it, \(program), still runs")
    }

    /// Whether a process exists and is not a zombie waiting to be reaped.
    static func running(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first != "Z"
    }
}
