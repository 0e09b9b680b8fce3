import CourseModel
import Foundation
import HubStore
import LearnerEvents
import Reports

/// A course prepared for simulation: each question's difficulty, its right response and a way to
/// draw plausible wrong ones. A couple of questions per course are made to look broken: one that
/// almost nobody gets right, and one whose favourite wrong option beats the right one.
struct CoursePlan {
    struct QuestionPlan {
        var question: Question
        var difficulty: Double
        /// The wrong option most learners fall for, when the question has options.
        var attractive: Int
        /// How strongly wrong answers go to that option (0–1).
        var pull: Double
        var right: Response?
        var hasHints: Bool
    }

    struct LessonPlan {
        var lesson: Lesson
        var questions: [QuestionPlan]
    }

    let course: Course
    let lessons: [LessonPlan]
    /// How attractive the course is to women, men and the elderly (multipliers).
    let appeal: (base: Double, women: Double, men: Double, elderly: Double)

    init(_ course: Course, seed: UInt64) {
        self.course = course
        var rng = SeedRandom.derived(seed, 3, UInt64(truncatingIfNeeded: course.id.hashValueStable))
        let all = course.allQuestions
        let hardIndex = all.isEmpty ? -1 : rng.int(0...(all.count - 1))
        let choiceIndices = all.indices.filter {
            all[$0].kind == .singleChoice && all[$0].answer.options.count >= 3 && $0 != hardIndex
        }
        let trapIndex = choiceIndices.isEmpty ? -1 : choiceIndices[rng.int(0...(choiceIndices.count - 1))]
        var index = 0
        lessons = course.lessons.map { lesson in
            let questions = (lesson.quiz?.questions ?? []).map { q -> QuestionPlan in
                defer { index += 1 }
                var difficulty = rng.normal() * 0.7 + (lesson.isFinal ? 0.3 : 0)
                var pull = 0.5
                if index == hardIndex { difficulty += 4.0 }
                if index == trapIndex {
                    difficulty += 1.6
                    pull = 0.92
                }
                let wrongCount = max(1, q.answer.options.filter { !$0.isCorrect }.count)
                return QuestionPlan(
                    question: q, difficulty: difficulty, attractive: rng.int(0...(wrongCount - 1)), pull: pull,
                    right: Self.rightResponse(q), hasHints: !q.hints.isEmpty)
            }
            return LessonPlan(lesson: lesson, questions: questions)
        }
        switch course.id {
        case "dinh-danh-dien-tu-vneid": appeal = (1.0, 1.0, 1.05, 1.0)
        case "an-toan-tren-mang": appeal = (0.9, 1.0, 1.0, 1.1)
        case "dich-vu-cong-truc-tuyen": appeal = (0.55, 0.9, 1.2, 0.7)
        case "thanh-toan-khong-tien-mat": appeal = (0.6, 1.0, 1.05, 0.6)
        case "suc-khoe-so": appeal = (0.5, 1.6, 0.7, 1.4)
        case "ban-hang-truc-tuyen": appeal = (0.45, 1.8, 0.6, 0.3)
        case "dien-thoai-va-internet": appeal = (0.7, 1.0, 1.0, 2.2)
        default: appeal = (0.5, 1.0, 1.0, 1.0)
        }
    }

    /// The response the key accepts, when one can be built (a regex-only key cannot).
    static func rightResponse(_ q: Question) -> Response? {
        switch q.answer {
        case .singleChoice(let o), .trueFalse(let o):
            return o.first(where: \.isCorrect).map { .choice($0.id) }
        case .multipleAnswer(let o, _):
            return .choices(o.filter(\.isCorrect).map(\.id))
        case .shortAnswer(let key):
            for pattern in key.accepted { if case .text(let s) = pattern { return .text(s) } }
            return nil
        case .numeric(let key):
            return key.accepted.first.map { .text(Numbers.vietnamese(($0.lower + $0.upper) / 2)) }
        case .ordering(let items):
            return .order(items.map(\.id))
        case .matching(let key):
            return .pairs(Dictionary(key.pairs.map { ($0.left.id, $0.right.id) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    /// A plausible wrong response: the attractive distractor most of the time, anticipated
    /// wrong answers for typed questions, a swap for ordering and matching.
    static func wrongResponse(_ plan: QuestionPlan, _ rng: inout SeedRandom) -> Response {
        let q = plan.question
        switch q.answer {
        case .singleChoice(let o), .trueFalse(let o):
            let wrong = o.filter { !$0.isCorrect }
            guard !wrong.isEmpty else { return .choice("?") }
            let i = rng.chance(plan.pull) ? plan.attractive % wrong.count : rng.int(0...(wrong.count - 1))
            return .choice(wrong[i].id)
        case .multipleAnswer(let o, _):
            var picked = o.filter(\.isCorrect).map(\.id)
            let wrong = o.filter { !$0.isCorrect }.map(\.id)
            if picked.count > 1, rng.chance(0.6) || wrong.isEmpty {
                picked.remove(at: rng.int(0...(picked.count - 1)))
            } else if let extra = wrong.isEmpty ? nil : wrong[plan.attractive % wrong.count] {
                picked.append(extra)
            }
            return .choices(picked.sorted())
        case .shortAnswer(let key):
            let anticipated = key.anticipated.compactMap { a -> String? in
                if case .text(let s) = a.pattern { return s }
                return nil
            }
            if !anticipated.isEmpty, rng.chance(0.7) { return .text(anticipated[plan.attractive % anticipated.count]) }
            return .text(rng.pick(["không biết", "chưa rõ", "???"]))
        case .numeric(let key):
            if let a = key.anticipated.first, rng.chance(0.7) {
                return .text(Numbers.vietnamese(((a.range.lower + a.range.upper) / 2 * 100).rounded() / 100))
            }
            let base = key.accepted.first.map { ($0.lower + $0.upper) / 2 } ?? 1
            let wrong = rng.chance(0.5) ? base * 10 : base + 1
            return .text(Numbers.vietnamese((wrong * 100).rounded() / 100))
        case .ordering(let items):
            var ids = items.map(\.id)
            if ids.count > 1 {
                let i = rng.int(0...(ids.count - 2))
                ids.swapAt(i, i + 1)
            }
            return .order(ids)
        case .matching(let key):
            var pairs = Dictionary(key.pairs.map { ($0.left.id, $0.right.id) }, uniquingKeysWith: { a, _ in a })
            let lefts = key.pairs.map(\.left.id)
            if lefts.count > 1 {
                let i = rng.int(0...(lefts.count - 2))
                let a = pairs[lefts[i]]
                pairs[lefts[i]] = pairs[lefts[i + 1]]
                pairs[lefts[i + 1]] = a
            }
            return .pairs(pairs)
        }
    }
}

extension String {
    /// FNV-1a over the UTF-8 bytes: stable across runs (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
