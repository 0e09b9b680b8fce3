import Foundation
import TestSupport
import Testing

/// The tmux driver itself: full test runs left tmux servers, and the clients in them, running.
@Suite struct TmuxSessionTests {
    @Test func aTmuxServerWhoseFolderWasRemovedFirstStillEnds() throws {
        guard RequiredTool.available("tmux") else { return }
        let work = try temporaryDirectory("tmux-end")
        let session = try TmuxSession(command: "sleep 600", directory: work)
        let pid = try #require(session.serverPid)
        #expect(Self.running(pid))
        // The socket goes with the folder, so `kill-server` cannot reach the server any more.
        try FileManager.default.removeItem(at: work)
        session.close()
        let deadline = Date().addingTimeInterval(5)
        while Self.running(pid), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!Self.running(pid), "tmux server \(pid) still runs")
    }

    /// Whether a process exists and is not a zombie waiting to be reaped.
    static func running(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first != "Z"
    }
}
