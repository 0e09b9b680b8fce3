import CourseInterchange
import Foundation
import QuizEngine
import Testing

/// Whatever the bytes, the importers give diagnostics, never a crash, and whatever they import
/// compiles without an error.
@Suite("Import robustness over mutated fixture files")
struct RobustnessTests {
    /// Every GIFT file the tests know: the grammar project's, Moodle's and our own.
    static func sources() throws -> [(name: String, data: Data)] {
        var out: [(String, Data)] = []
        for name in Fixtures.grammarFiles() {
            out.append((name, try Data(contentsOf: Fixtures.grammar.appendingPathComponent(name))))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.moodle.path).sorted() {
            out.append((name, try Data(contentsOf: Fixtures.moodle.appendingPathComponent(name))))
        }
        out.append(
            (
                "moodle-examples.txt",
                try Data(contentsOf: Fixtures.shared.appendingPathComponent("gift-grammar-pegjs/moodle-examples.txt"))
            ))
        out.append(("tieng-viet.gift", try Data(contentsOf: Fixtures.own.appendingPathComponent("tieng-viet.gift"))))
        return out
    }

    /// One random edit: the characters GIFT and Markdown care about, broken UTF-8, cut lines.
    static func mutate(_ data: Data, _ random: inout SplitMix64) -> Data {
        var bytes = [UInt8](data)
        let specials = Array("{}~=#:\\%->[]*_`<\n\r\u{0}/$".utf8) + [0xC3, 0xFF, 0xE1, 0x80]
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0...4, using: &random) {
            case 0 where !bytes.isEmpty: bytes.remove(at: at)
            case 1: bytes.insert(specials.randomElement(using: &random)!, at: at)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...40, using: &random))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            case 3: bytes = Array(bytes.prefix(at))
            default: bytes.insert(contentsOf: Array("\n\n".utf8), at: at)
            }
        }
        return Data(bytes)
    }

    @Test func mutatedFilesNeverCrashAndAlwaysCompile() throws {
        var random = SplitMix64(state: 0x6769_6674)
        var imported = 0
        var questions = 0
        for (name, data) in try Self.sources() {
            for round in 0..<12 {
                let mutated = Self.mutate(data, &random)
                for format in QuestionFormat.allCases {
                    let (course, diagnostics, compiler) = try Fixtures.importAndCompile(mutated, format: format)
                    #expect(
                        compiler.filter { $0.severity == .error }.isEmpty,
                        "\(name) round \(round) as \(format): \(compiler.map { "\($0.file):\($0.line): \($0.message)" })"
                    )
                    for d in diagnostics {
                        #expect(d.position.line >= 1 && d.position.column >= 1)
                    }
                    if let course {
                        imported += 1
                        questions += course.allQuestions.count
                    }
                }
            }
        }
        #expect(imported > 100)
        print("robustness: \(imported) mutated files imported, \(questions) questions, all compile")
    }

    @Test("random bytes are refused with a diagnostic", arguments: [UInt64(1), 2, 3, 4, 5])
    func randomBytes(seed: UInt64) throws {
        var random = SplitMix64(state: seed)
        let data = Data((0..<500).map { _ in UInt8.random(in: 0...255, using: &random) })
        for format in QuestionFormat.allCases {
            let (course, diagnostics, _) = try Fixtures.importAndCompile(data, format: format)
            #expect(course == nil)
            #expect(diagnostics.contains { $0.severity == .error })
        }
    }
}
