import CourseCompiler
import CourseInterchange
import CourseModel
import Foundation
import Testing

/// HocSo → GIFT → HocSo keeps everything GIFT can hold, and GIFT → HocSo → GIFT keeps the
/// questions, answers, weights and feedback.
@Suite("Round trips between HocSo and GIFT")
struct RoundTripTests {
    /// Writes `course` as a folder and compiles it back.
    static func compiled(_ course: Course) throws -> (course: Course?, diagnostics: [Diagnostic]) {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent(course.id)
        try CourseWriter.write(course, to: folder)
        let result = CourseCompiler().compile(courseAt: folder)
        return (result.course, result.diagnostics)
    }

    /// What of a course GIFT holds: no ordering questions, no lesson settings, numbers by value only.
    static func giftView(_ course: Course) -> [Lesson] {
        course.lessons.compactMap { lesson -> Lesson? in
            var questions = (lesson.quiz?.questions ?? []).filter { $0.kind != .ordering }
            questions = questions.map { q in
                var q = q
                if case .numeric(let key) = q.answer {
                    let strip = { (r: NumericRange) in NumericRange(lower: r.lower, upper: r.upper, display: "") }
                    q.answer = .numeric(
                        NumericKey(
                            accepted: key.accepted.map(strip),
                            anticipated: key.anticipated.map {
                                AnticipatedNumber(range: strip($0.range), feedback: $0.feedback)
                            }))
                }
                return q
            }
            guard !questions.isEmpty || !lesson.steps.isEmpty else { return nil }
            return Lesson(
                id: lesson.id, title: lesson.title, tags: questions.isEmpty ? [] : lesson.tags, steps: lesson.steps,
                quiz: questions.isEmpty ? nil : Quiz(title: "Câu hỏi", questions: questions, mastery: .passMark(0.8)))
        }
    }

    static let seeds: [UInt64] = Array(1...100)

    @Test("random courses: written, compiled, unchanged", arguments: seeds)
    func writerIsFaithful(seed: UInt64) throws {
        var generator = CourseGenerator(seed: seed)
        let first = try Self.compiled(generator.course())
        #expect(
            first.diagnostics.filter { $0.severity == .error }.isEmpty,
            "seed \(seed): \(first.diagnostics.map(\.message))")
        let course = try #require(first.course)
        let second = try Self.compiled(course)
        #expect(second.course == course, "seed \(seed): writing the compiled course and compiling again changed it")
    }

    @Test("random courses: exported to GIFT and imported back are equal up to what GIFT cannot hold", arguments: seeds)
    func exportThenImport(seed: UInt64) throws {
        var generator = CourseGenerator(seed: seed)
        let course = try #require(try Self.compiled(generator.course()).course)
        let (gift, losses, _) = GiftWriter.write(course)
        let orderings = course.allQuestions.filter { $0.kind == .ordering }.count
        #expect(losses.filter { $0.message.en.contains("ordering") }.count == orderings)
        let want = Self.giftView(course)
        let (back, diagnostics, compiler) = try Fixtures.importAndCompile(Data(gift.utf8))
        if want.isEmpty {
            // Nothing GIFT can hold (only ordering questions): the import says so, and writes nothing.
            #expect(back == nil && diagnostics.map(\.message.en) == ["nothing in the file could be imported"])
            return
        }
        #expect(
            diagnostics.isEmpty, "seed \(seed): \(diagnostics.map { "\($0.position.line): \($0.message.en)" })\n\(gift)"
        )
        #expect(compiler.isEmpty, "seed \(seed): \(compiler.map(\.message))")
        let imported = try #require(back)
        let got = Self.giftView(imported)
        #expect(got.count == want.count, "seed \(seed): lessons")
        for (g, w) in zip(got, want) {
            #expect(g.id == w.id && g.title == w.title && g.tags == w.tags, "seed \(seed): lesson \(w.id)")
            #expect(g.steps == w.steps, "seed \(seed): steps of \(w.id)")
            for (gq, wq) in zip(g.quiz?.questions ?? [], w.quiz?.questions ?? []) {
                #expect(gq == wq, "seed \(seed): question \(wq.id)\n got \(gq)\nwant \(wq)\n\(gift)")
            }
            #expect(g.quiz?.questions.count == w.quiz?.questions.count, "seed \(seed): questions of \(w.id)")
        }
    }

    /// GIFT → HocSo → GIFT → HocSo gives the same course, and the second GIFT file has the
    /// first one's answers, weights and feedback wherever HocSo can score them the same way.
    @Test(
        "GIFT files: imported, exported and imported again give the same course",
        arguments: [
            "tieng-viet.gift"
        ] + Fixtures.grammarFiles())
    func giftToHocSoToGift(file: String) throws {
        let url =
            file == "tieng-viet.gift"
            ? Fixtures.own.appendingPathComponent(file) : Fixtures.grammar.appendingPathComponent(file)
        let data = try Data(contentsOf: url)
        guard let first = try Fixtures.importAndCompile(data).course else { return }
        let (gift, _, _) = GiftWriter.write(first)
        let (second, diagnostics, compiler) = try Fixtures.importAndCompile(Data(gift.utf8))
        #expect(compiler.isEmpty, "\(file): \(compiler.map(\.message))")
        #expect(
            !diagnostics.contains { $0.severity == .error }, "\(file): \(diagnostics.map(\.message.en))\n\(gift)")
        let again = try #require(second)
        #expect(Self.giftView(again) == Self.giftView(first), "\(file)\n\(gift)")
    }

    @Test func weightsAndFeedbackSurviveGiftToHocSoToGift() throws {
        let data = try Data(contentsOf: Fixtures.own.appendingPathComponent("tieng-viet.gift"))
        let course = try #require(try Fixtures.importAndCompile(data).course)
        let (gift, _, _) = GiftWriter.write(course)
        let original = GiftReader.read(data, file: "a").document.questions
        let exported = GiftReader.read(Data(gift.utf8), file: "b").document.questions
        #expect(exported.count == original.count)
        for (a, b) in zip(original, exported) {
            switch (a.answers, b.answers) {
            case (.multipleChoice(let x, let sx), .multipleChoice(let y, let sy)):
                #expect(sx == sy)
                #expect(x.map(\.text.text) == y.map(\.text.text))
                #expect(x.map { $0.credit(shortAnswer: false) } == y.map { $0.credit(shortAnswer: false) })
                #expect(x.map { $0.feedback?.text } == y.map { $0.feedback?.text })
            case (.shortAnswer(let x), .shortAnswer(let y)):
                #expect(x.map(\.text.text) == y.map(\.text.text))
                #expect(x.map { $0.credit(shortAnswer: true) } == y.map { $0.credit(shortAnswer: true) })
                #expect(x.map { $0.feedback?.text } == y.map { $0.feedback?.text })
            case (.trueFalse(let t1, let w1, let r1), .trueFalse(let t2, let w2, let r2)):
                #expect(t1 == t2 && w1?.text == w2?.text && r1?.text == r2?.text)
            case (.numerical(let x, _), .numerical(let y, _)):
                #expect(x.map(\.low) == y.map(\.low) && x.map(\.high) == y.map(\.high))
            case (.matching(let x), .matching(let y)):
                #expect(x.map(\.left.text) == y.map(\.left.text) && x.map(\.right) == y.map(\.right))
            default:
                Issue.record("kinds differ: \(a.answers) / \(b.answers)")
            }
            #expect(a.generalFeedback?.text == b.generalFeedback?.text)
        }
    }
}
