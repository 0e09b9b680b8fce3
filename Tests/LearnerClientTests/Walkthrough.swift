import Foundation
import TestSupport
import Testing

/// A person at a real terminal: the real `hocso learn` in tmux, keys sent one by one and counted
/// per question kind, every screen checked to fit the window.
final class Walkthrough {
    let tmux: TmuxSession
    let width: Int
    let height: Int
    let persona: String
    /// Keys pressed per question kind, from the question's first screen to its feedback.
    private(set) var keysPerKind: [(kind: String, keys: Int)] = []
    private var counting: String?
    private var counted = 0

    init(persona: String, command: String, width: Int, height: Int) throws {
        self.persona = persona
        self.width = width
        self.height = height
        tmux = try TmuxSession(command: command, width: width, height: height)
    }

    func close() { tmux.close() }

    /// Presses tmux keys (`Enter`, `Down`, `F9`, `C-c`), each counted.
    func press(_ keys: String...) throws {
        for key in keys {
            try tmux.keys(key)
            counted += 1
        }
    }

    /// Types text one key at a time, each counted.
    func type(_ text: String) throws {
        try tmux.type(text)
        counted += text.count
    }

    /// Waits for `text`, then checks the whole screen fits: no line wider than the window and a
    /// key bar that ends in a whole word.
    @discardableResult
    func see(_ text: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> String
    {
        // A sentence may wrap: it is looked for in the screen's lines joined by spaces.
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while true {
            screen = (try? tmux.screen()) ?? screen
            if Self.flatten(screen).contains(text) || screen.contains(text) { break }
            guard Date() < deadline else {
                throw TmuxError(message: "\(persona): timed out waiting for “\(text)”; the screen was:\n\(screen)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        #expect(lines.count <= height, "\(persona): taller than the window", sourceLocation: sourceLocation)
        #expect(
            !screen.contains("▏▏") && !screen.contains("\u{FFFD}"), "\(persona): stray marks on screen:\n\(screen)",
            sourceLocation: sourceLocation)
        let bar = lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        #expect(!bar.hasSuffix("…"), "\(persona): the key bar is cut: \(bar)", sourceLocation: sourceLocation)
        return screen
    }

    /// Checks `text` is not on the screen now.
    func notSee(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        Thread.sleep(forTimeInterval: 0.3)
        let screen = try tmux.screen()
        #expect(
            !screen.contains(text), "\(persona): “\(text)” should not be on screen:\n\(screen)",
            sourceLocation: sourceLocation)
    }

    /// The screen's words on one line.
    static func flatten(_ screen: String) -> String {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// Starts counting the keys of a question of `kind`.
    func question(_ kind: String) {
        counting = kind
        counted = 0
    }

    /// Stops counting: the question's feedback is on screen.
    func answered() {
        if let counting { keysPerKind.append((counting, counted)) }
        counting = nil
    }

    /// The keystroke table, printed with the test's output.
    func report() -> String {
        keysPerKind.map {
            "\(persona) \(width)×\(height)  \($0.kind.padding(toLength: 22, withPad: " ", startingAt: 0)) \($0.keys) keys"
        }
        .joined(separator: "\n")
    }

    /// The number shown before `text` on the screen (`2. Chỉ mình bạn` → `2`).
    static func number(of text: String, in screen: String) throws -> String {
        for line in screen.split(separator: "\n") {
            guard let range = line.range(of: ". \(text)") else { continue }
            let digits = line[..<range.lowerBound].reversed().prefix { $0.isNumber }
            if !digits.isEmpty { return String(digits.reversed()) }
        }
        throw TmuxError(message: "“\(text)” is not on the screen:\n\(screen)")
    }
}

/// A content store with the sample course installed and a centre database path, in a fresh
/// folder the caller removes.
struct SampleCentre {
    let work: URL
    let store: URL
    let db: URL
    let hocso = Program.hocso.url

    init() throws {
        work = try temporaryDirectory("client-e2e")
        store = work.appendingPathComponent("store")
        db = work.appendingPathComponent("centre.sqlite")
        let folder = try SampleCourse.write(into: work)
        let packs = work.appendingPathComponent("packs")
        for arguments in [
            ["pack", "build", folder.path, "--output", packs.path],
            ["pack", "install", packs.appendingPathComponent("khoa-mau-3.hspack").path, "--store", store.path],
            // The centre database as an operator makes it: only the set-up commands create one.
            ["center", "demo", "--db", db.path],
        ] {
            let result = try Program.hocso.run(arguments)
            guard result.status == 0 else {
                throw TmuxError(message: "hocso \(arguments.joined(separator: " ")) failed: \(result.stderr)")
            }
        }
    }

    /// `hocso learn` on this centre, then the exit status and whether the terminal is back in
    /// canonical mode (`MODE icanon`), then a pause so the pane stays to be read.
    func command(_ options: String) -> String {
        "\(hocso.path) learn --db '\(db.path)' --store '\(store.path)' \(options); echo \"EXITED $?\"; "
            + "stty -a | tr ' ' '\\n' | grep -x -- '-*icanon' | sed 's/^/MODE /'; sleep 60"
    }

    /// Runs `hocso` on this centre's database.
    func hocso(_ arguments: [String]) throws -> Program.Result {
        try Program.hocso.run(arguments + ["--db", db.path])
    }

    func remove() { try? FileManager.default.removeItem(at: work) }
}
