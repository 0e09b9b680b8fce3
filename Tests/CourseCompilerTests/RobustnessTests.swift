import CourseCompiler
import CourseModel
import Foundation
import LearnerEvents
import TestSupport
import Testing

/// Malformed input never traps: it gives a course or at least one error, with sane positions.
@Suite struct RobustnessTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/compiler")

    /// The Big List of Naughty Strings.
    static func naughtyStrings() throws -> [String] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("strings/blns.json"))
        return try JSONDecoder().decode([String].self, from: data)
    }

    /// Where a naughty string goes in a lesson.
    enum Slot: String, CaseIterable, Sendable {
        case title, stepHeading, questionID, option, shortAnswer, matching, numeric, image, courseTitle

        func lesson(_ s: String) -> String {
            let one = s.replacingOccurrences(of: "\n", with: " ")
            switch self {
            case .title: return "---\nid: bai-thu\ntitle: \(s)\n---\n\n## Đọc\n\nChữ.\n"
            case .stepHeading: return TestCourse.frontMatter + "\n## \(one)\n\nChữ.\n"
            case .questionID: return Self.quiz("### Câu?\n<!-- id: \(s) -->\n\n- = a\n")
            case .option: return Self.quiz("### Câu?\n<!-- id: a -->\n\n- (x) \(one)\n- ( ) \(one)\n")
            case .shortAnswer: return Self.quiz("### Câu?\n<!-- id: a -->\n\n- = \(one)\n- != \(one)\n")
            case .matching: return Self.quiz("### Câu?\n<!-- id: a -->\n\n- \(one) -> \(one)\n- x -> \(one)\n")
            case .numeric: return Self.quiz("### Câu?\n<!-- id: a -->\n\n- = \(one) ± \(one)\n- = [\(one); 2]\n")
            case .image: return TestCourse.frontMatter + "\n## Đọc\n\n![a](\(one))\n"
            case .courseTitle: return TestCourse.frontMatter + "\n## Đọc\n\nChữ.\n"
            }
        }

        func yaml(_ s: String) -> String {
            guard self == .courseTitle else { return TestCourse.defaultYAML }
            return TestCourse.defaultYAML.replacingOccurrences(of: "title: Khoá thử", with: "title: \(s)")
        }

        static func quiz(_ body: String) -> String { TestCourse.frontMatter + "\n## Kiểm tra\n\n" + body }
    }

    /// The invariant: either a course and no error, or no course and at least one error; positions inside the file.
    static func checkInvariant(_ result: CompilationResult, lineCount: Int, context: String) {
        if result.course == nil {
            #expect(!result.errors.isEmpty, "no course but no error for \(context)")
        } else {
            #expect(result.errors.isEmpty, "a course despite errors for \(context)")
        }
        for d in result.diagnostics {
            #expect(
                d.line >= 1 && d.column >= 1 && d.line <= lineCount + 1,
                "bad position \(d.line):\(d.column) for \(context)")
        }
    }

    @Test(arguments: Slot.allCases)
    func naughtyStringsNeverTrap(_ slot: Slot) throws {
        let course = try TestCourse()
        defer { course.remove() }
        for s in try Self.naughtyStrings() {
            let lesson = slot.lesson(s)
            let yaml = slot.yaml(s)
            try course.write("01-bai.md", lesson)
            if slot == .courseTitle { try course.write("course.yaml", yaml) }
            let lines = max(
                lesson.split(separator: "\n", omittingEmptySubsequences: false).count, yaml.split(separator: "\n").count
            )
            Self.checkInvariant(course.compile(), lineCount: lines + 2, context: "\(slot) \(s.debugDescription)")
        }
    }

    static func frontMatterFixtures() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("front-matter").path))
            ?? []).sorted()
    }

    @Test(arguments: frontMatterFixtures())
    func frontMatterFixtureAsLessonNeverTraps(_ name: String) throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("front-matter/\(name)"))
        let course = try TestCourse()
        defer { course.remove() }
        try course.write("01-bai.md", data)
        let lines = data.filter { $0 == UInt8(ascii: "\n") }.count + 1
        Self.checkInvariant(course.compile(), lineCount: lines, context: name)
    }

    @Test func frontMatterFixturesAreAllPresent() {
        #expect(Self.frontMatterFixtures().count == 30)
    }

    static let validLesson = Array(Data(SampleCourse.reading.utf8))

    @Test func truncationsNeverTrap() throws {
        let course = try SampleCourseTests.makeCourse()
        defer { course.remove() }
        let bytes = Self.validLesson
        for length in stride(from: 0, through: bytes.count, by: 4) {
            try course.write("01-dau-hieu.md", Data(bytes.prefix(length)))
            Self.checkInvariant(course.compile(), lineCount: 200, context: "truncated to \(length) bytes")
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func byteFlipsNeverTrap(seed: UInt64) throws {
        let course = try SampleCourseTests.makeCourse()
        defer { course.remove() }
        var random = SeededRandom(seed: seed)
        for round in 0..<100 {
            var bytes = Self.validLesson
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                bytes[index] = UInt8.random(in: 0...255, using: &random)
            }
            try course.write("01-dau-hieu.md", Data(bytes))
            Self.checkInvariant(course.compile(), lineCount: 200, context: "seed \(seed) round \(round)")
        }
    }

    @Test func validLessonStillCompiles() throws {
        let course = try SampleCourseTests.makeCourse()
        defer { course.remove() }
        #expect(course.compile().course != nil)
    }
}
