import CourseInterchange
import CourseModel
import Foundation
import Testing

/// Moodle's own GIFT import fixtures and examples, read from ../shared (their licence is for
/// testing, not shipping): each imports with the questions Moodle's importer finds, mapped to the
/// nearest HocSo kind, or a diagnostic saying why not.
@Suite("Moodle's GIFT fixtures")
struct MoodleFixtureTests {
    static func load(_ name: String) throws -> Data {
        try Data(contentsOf: Fixtures.moodle.appendingPathComponent(name))
    }

    @Test func questionsFixtureImportsEveryQuestionType() throws {
        let (course, diagnostics, compiler) = try Fixtures.importAndCompile(
            try Self.load("questions.gift.txt"), language: "en")
        #expect(compiler.isEmpty, "\(compiler.map(\.message))")
        let c = try #require(course)
        #expect(
            c.allQuestions.map(\.kind) == [
                .matching, .singleChoice, .multipleAnswer, .numeric, .shortAnswer, .trueFalse, .trueFalse, .trueFalse,
            ])
        #expect(
            c.allQuestions.map(\.id) == [
                "moodle-activities", "q2", "colours", "q5", "shortanswer", "q1", "2-08-tsl", "2-08-tsl-2",
            ])
        #expect(c.lessons[0].steps.map(\.title) == ["Q8"], "the essay is kept as a reading step")
        // Every loss is said, at its line.
        let said = diagnostics.map { "\($0.position.line): \($0.message.en)" }
        for (line, words) in [
            (2, "no essay"), (23, "partial scoring"), (31, "every other number"), (36, "no partial credit"),
        ] {
            #expect(said.contains { $0.hasPrefix("\(line):") && $0.contains(words) }, "line \(line): \(said)")
        }
        #expect(!diagnostics.contains { $0.severity == .error })

        guard case .matching(let key) = c.allQuestions[0].answer else {
            Issue.record("matching")
            return
        }
        #expect(key.pairs.map(\.right.content.plainText) == ["Forum", "Choice", "Database", "Wiki"])
        #expect(key.distractors.map(\.content.plainText) == ["Chat"])
        #expect(key.scoring == .partial, "Moodle gives credit per pair")
        #expect(
            c.allQuestions[0].prompt == [
                .text("Match the "), .strong([.text("activity")]), .text(" to the description."),
            ])

        let tf = c.allQuestions[5]
        #expect(tf.grade(.choice("false")).isCorrect)
        #expect(tf.grade(.choice("true")).feedback.plainText == "42 is the Ultimate Answer.")
        #expect(tf.explanation.plainText == "This is, of course, a Hitchiker's Guide to the Galaxy reference.")

        let animal = c.allQuestions[4]
        #expect(animal.grade(.text("frog")).isCorrect)
        let cat = animal.grade(.text("Cat"))
        #expect(!cat.isCorrect && cat.feedback.plainText == "What is it with Moodlers and cats?")
        #expect(animal.grade(.text("dog")).feedback.plainText == "Completely wrong", "'*' matches any other answer")
    }

    @Test func categoriesBecomeLessons() throws {
        let (course, diagnostics, compiler) = try Fixtures.importAndCompile(
            try Self.load("questions_in_category.gift.txt"), language: "en")
        #expect(compiler.isEmpty, "\(compiler.map(\.message))")
        let c = try #require(course)
        #expect(c.lessons.map(\.title) == ["Default for New Features"])
        #expect(c.allQuestions.map(\.kind) == [.matching, .singleChoice, .shortAnswer, .trueFalse])
        let greeting = c.allQuestions[1]
        // The sound the question plays is on the Moodle site: unreachable offline, so said and unlinked.
        #expect(greeting.prompt.plainText.hasPrefix("Listen to this greeting:"))
        #expect(diagnostics.contains { $0.message.en.contains("bonjour.mp3") && $0.position.line == 14 })
        #expect(!greeting.prompt.plainText.contains("<"), "HTML is converted, never passed through")
        let oneLesson = try Fixtures.importAndCompile(try Self.load("questions_in_category.gift.txt"), oneLesson: true)
        #expect(oneLesson.course?.lessons.map(\.title) == ["Nhập thử"])
    }

    @Test func orderingPluginImportsAsOrderingWithAWarning() throws {
        let (course, diagnostics, compiler) = try Fixtures.importAndCompile(
            try Self.load("ordering-testexport.gift.txt"))
        #expect(compiler.isEmpty)
        let q = try #require(course?.allQuestions.first)
        #expect(q.id == "myid")
        guard case .ordering(let items) = q.answer else {
            Issue.record("not ordering")
            return
        }
        #expect(
            items.map(\.content.plainText) == ["Modular", "Object", "Oriented", "Dynamic", "Learning", "Environment"])
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning && warning.position == TextPosition(line: 3, column: 42))
    }

    @Test func moodleExamplesImport() throws {
        let data = try Data(
            contentsOf: Fixtures.shared.appendingPathComponent("gift-grammar-pegjs/moodle-examples.txt"))
        let (document, _) = GiftReader.read(data, file: "examples.txt")
        let (course, diagnostics, compiler) = try Fixtures.importAndCompile(data, language: "en")
        #expect(compiler.isEmpty, "\(compiler.map(\.message))")
        let refused = diagnostics.filter { $0.severity == .error }.count
        #expect(refused == 0, "\(diagnostics.filter { $0.severity == .error }.map(\.message.en))")
        #expect((course?.allQuestions.count ?? 0) == document.questions.count)
        print(
            "moodle-examples.txt: \(document.questions.count) questions parsed, \(course?.allQuestions.count ?? 0) imported, \(diagnostics.count) warnings"
        )
    }

    @Test func aikenImports() throws {
        let text = """
            Ứng dụng định danh điện tử quốc gia tên là gì?
            A. Zalo
            B) VNeID
            C. Facebook
            ANSWER: B

            Mã OTP có được đọc cho người khác không?
            A. Có
            B. Không
            ANSWER: B

            Câu không có đáp án
            A. Một
            B. Hai

            Câu trả lời sai chữ
            A. Một
            B. Hai
            ANSWER: D
            """
        let (course, diagnostics, compiler) = try Fixtures.importAndCompile(Data(text.utf8), format: .aiken)
        #expect(compiler.isEmpty)
        #expect(course?.allQuestions.map(\.kind) == [.singleChoice, .singleChoice])
        #expect(course?.allQuestions.first?.grade(.choice("vneid")).isCorrect == true)
        let errors = diagnostics.filter { $0.severity == .error }.map { "\($0.position.line): \($0.message.en)" }
        #expect(errors == ["12: question has no 'ANSWER:' line", "19: 'ANSWER: D' names no option"])
        #expect(QuestionFormat.detect(Data(text.utf8), fileName: "bank.txt") == .aiken)
        #expect(QuestionFormat.detect(Data("Q {=a}\n".utf8), fileName: "bank.txt") == .gift)
    }
}
