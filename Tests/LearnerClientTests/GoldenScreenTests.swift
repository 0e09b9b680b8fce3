import Foundation
import Localization
import TerminalText
import TestSupport
import Testing

@testable import LearnerClient

/// Every screen and question kind at 40×15, 60×20, 80×24 and 100×30 without colour, in English
/// (`--lang en`) and, at 80×24, in Vietnamese, compared with `Tests/Fixtures/client/`.
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter GoldenScreenTests` and review the diff.
struct GoldenScreenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/client")

    static let sizes = [(40, 15), (60, 20), (80, 24), (100, 30)]

    /// The walk's screens at one size, one section per screen, trailing spaces trimmed.
    static func screens(language: Language, width: Int, height: Int) -> String {
        var text = ""
        ScreenWalk.run(language: language) { name, app in
            let frame = app.frame(width: width, height: height)
            text += "=== \(name) ===\n"
            text +=
                frame.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
                .joined(separator: "\n") + "\n"
        }
        return text
    }

    @Test(arguments: GoldenScreenTests.sizes)
    func everyScreenInEnglish(width: Int, height: Int) {
        let text = Self.screens(language: .en, width: width, height: height)
        #expect(!text.contains("\u{1B}"), "no escape sequences without colour")
        Golden.check(text, against: Self.fixtures.appendingPathComponent("screens-en-\(width)x\(height).txt"))
    }

    @Test func everyScreenInVietnamese() {
        let text = Self.screens(language: .vi, width: 80, height: 24)
        Golden.check(text, against: Self.fixtures.appendingPathComponent("screens-vi-80x24.txt"))
    }
}

/// Text that always fits: at every width from 40 columns no line is too wide, no word is cut or
/// dropped, everything longer than the screen can be scrolled to, and the key bar loses whole
/// keys, never the end of a word.
struct ScreenFitTests {
    static let widths = [40, 45, 50, 60, 70, 80, 100, 120]

    /// The words of some lines, as a multiset.
    static func words(_ lines: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in lines {
            // Pointers, bars and rules are drawn to the width; the words are what must all be there.
            for word in line.split(separator: " ") where !word.allSatisfy({ "›│•─┼┌┐└┘├┤┬┴".contains($0) }) {
                counts[String(word), default: 0] += 1
            }
        }
        return counts
    }

    @Test(arguments: [Language.vi, .en])
    func noWordIsCutOrDroppedAtAnyWidth(language: Language) {
        var checked = 0
        ScreenWalk.run(language: language) { name, app in
            let wide = Self.words(app.content(width: 400, height: 0).body)
            for width in Self.widths {
                let body = app.content(width: width, height: 0).body
                #expect(body.allSatisfy { TerminalWidth.of($0) <= width }, "\(name) at \(width) columns")
                #expect(Self.words(body) == wide, "\(name) at \(width) columns: \(body.joined(separator: "\n"))")
                checked += 1
            }
        }
        #expect(checked > 200)
    }

    @Test(arguments: GoldenScreenTests.sizes)
    func everyLineCanBeScrolledTo(width: Int, height: Int) {
        ScreenWalk.run(language: .vi) { name, app in
            guard !name.contains("reading") else { return }
            let body = app.content(width: width, height: height).body
            var seen: Set<String> = []
            for _ in 0..<20 { app.handle(.key(.pageUp)) }
            var frame = app.frame(width: width, height: height)
            for _ in 0..<40 {
                #expect(frame.count == height, "\(name)")
                #expect(frame.allSatisfy { TerminalWidth.of($0) <= width }, "\(name) at \(width)×\(height)")
                seen.formUnion(frame)
                app.handle(.key(.pageDown))
                frame = app.frame(width: width, height: height)
                if frame.contains(where: { $0.hasPrefix("▲") }) || !frame.contains(where: { $0.hasPrefix("▼") }) {
                    seen.formUnion(frame)
                    break
                }
            }
            let missing = body.filter { !$0.isEmpty && !seen.contains($0) }
            #expect(missing.isEmpty, "\(name) at \(width)×\(height): never shown: \(missing)")
            app.handle(.key(.pageUp))
        }
    }

    @Test(arguments: [40, 50, 60, 80])
    func theKeyBarDropsWholeKeysByPriority(width: Int) {
        let hints = [
            KeyHint(key: "Enter", action: ClientText.keyAnswer, priority: 0),
            KeyHint(key: "Esc", action: ClientText.keyStop, priority: 1),
            KeyHint(key: "F2", action: ClientText.inputMethodName(.telex), priority: 2),
            KeyHint(key: "F3", action: ClientText.keyHint, priority: 5),
            KeyHint(key: "F5", action: ClientText.keyRead, priority: 6),
            KeyHint(key: "F9", action: ClientText.keySignOut, priority: 3),
        ]
        let bar = KeyBar.line(hints, language: .vi, width: width)
        #expect(TerminalWidth.of(bar) <= width)
        #expect(bar.hasPrefix("Enter Trả lời · Esc Dừng"))
        #expect(!bar.contains("…"))
        let shown = bar.components(separatedBy: " · ")
        #expect(shown.allSatisfy { item in hints.contains { "\($0.key) \($0.action.vi)" == item } }, "\(bar)")
    }
}
