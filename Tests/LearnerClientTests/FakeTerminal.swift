@testable import LearnerClient

/// A terminal that replays scripted input and keeps every frame drawn.
final class FakeTerminal: Terminal {
    let usesKeys: Bool
    var inputs: [TerminalEvent]
    var frames: [[String]] = []
    var farewellText: String?
    var width = 80
    var height = 24

    init(keys: [Key]) {
        usesKeys = true
        inputs = keys.map { .input(.key($0)) }
    }

    init(lines: [String]) {
        usesKeys = false
        height = 0
        inputs = lines.map { .input(.line($0)) }
    }

    func size() -> (width: Int, height: Int) { (width, height) }

    /// Sizes the window takes, one for each `.resized` event replayed.
    var sizesOnResize: [(Int, Int)] = []

    /// Called before an `.idle` event is handed over (a test moves its clock there).
    var onIdle: (() -> Void)?

    func next(prompt: String) -> TerminalEvent {
        let event = inputs.isEmpty ? TerminalEvent.end : inputs.removeFirst()
        if event == .idle { onIdle?() }
        if event == .resized, !sizesOnResize.isEmpty { (width, height) = sizesOnResize.removeFirst() }
        return event
    }

    func draw(_ lines: [String]) { frames.append(lines) }

    func farewell(_ text: String) { farewellText = text }
}
