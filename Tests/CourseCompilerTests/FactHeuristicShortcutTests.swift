import Foundation
import TestSupport
import Testing

@testable import CourseCompiler

/// The heuristic passes over patterns a sentence cannot match (no digit, no dot…); that must
/// never change what it finds.
@Suite struct FactHeuristicShortcutTests {
    /// Every line of the real courses, the naughty strings, and digits and letters from
    /// outside ASCII that ICU's `\d` and `\b` treat specially.
    static func corpus() throws -> [String] {
        let root = Program.packageRoot
        var lines: [String] = []
        let courses = root.appendingPathComponent("Courses")
        let files = FileManager.default.enumerator(at: courses, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "md" else { continue }
            lines += try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        let naughty = try JSONDecoder().decode(
            [String].self,
            from: Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/compiler/strings/blns.json")))
        return lines + naughty + [
            "gọi ١١٣ ngay", "Phí ５０.０００ đồng", "\u{0600}Luật Giao dịch điện tử", "Lua\u{0323}\u{0302}t An ninh mạng",
            "Xem tingia.gov.vn\u{301} nhé", "Gọi 113", "Luật", "://", ".", "",
        ]
    }

    @Test func skippingHopelessPatternsFindsTheSameCandidates() throws {
        let corpus = try Self.corpus()
        #expect(corpus.count > 1_000)
        var found = 0
        for text in corpus {
            let quick = FactHeuristic.candidates(in: text, skippingHopeless: true)
            #expect(quick == FactHeuristic.candidates(in: text, skippingHopeless: false), "\(text.debugDescription)")
            found += quick.count
        }
        #expect(found > 10)  // the corpus holds facts, so the comparison means something
    }

    /// The shortcut asks whether a pattern's literal occurs as the same bytes, as ICU compares:
    /// a canonically equivalent spelling of `Luật` is not the literal.
    @Test func theLiteralSearchComparesBytesNotCanonicalEquivalents() {
        #expect(FactHeuristic.containsCodeUnits("theo Luật An ninh mạng", "Luật"))
        #expect(!FactHeuristic.containsCodeUnits("theo Lua\u{0323}\u{0302}t An ninh mạng", "Luật"))
        #expect(FactHeuristic.containsCodeUnits("https://x", "://"))
        #expect(!FactHeuristic.containsCodeUnits(":/", "://"))
        #expect(FactHeuristic.containsCodeUnits("", ""))
        #expect(!FactHeuristic.containsCodeUnits("", "."))
    }
}
