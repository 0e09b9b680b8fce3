import CourseModel
import Foundation
import HubStore
import LearnerEvents
import Reports

/// The learners of one centre and every event they record, in the centre's own order.
struct CentreSimulation {
    let centre: ProvinceSeeder.SeedCentre
    let plans: [CoursePlan]
    let campaignStart: LocalDate
    /// The share of learners who take courses after registering.
    let activeShare: Double
    /// Responses already graded, here or at the centres simulated before on this thread.
    var answers = AnswerMemo()

    /// The grade and stored form of each response given so far: learners give the same few
    /// answers to a question, and grading folds text, so each is graded once. One thread's.
    final class AnswerMemo {
        private var entries: [Key: (grade: Grade, json: String)] = [:]

        struct Key: Hashable {
            let course: String
            let question: String
            let response: Response
        }

        /// `question.grade(response)` and `response.storedJSON`, from the memo when seen before.
        func graded(_ question: Question, in course: String, _ response: Response) -> (grade: Grade, json: String) {
            let key = Key(course: course, question: question.id, response: response)
            if let seen = entries[key] { return seen }
            let answer = (grade: question.grade(response), json: response.storedJSON)
            entries[key] = answer
            return answer
        }
    }

    /// Birth years 1940–2010; the elderly are under-represented, working ages most common.
    static let birthYears: [(Int, Double)] = (1940...2010).map { y in
        let w: Double =
            switch y {
            case ..<1950: 0.25
            case ..<1960: 0.6
            case ..<1970: 1.0
            case ..<1990: 1.3
            case ..<2005: 1.2
            default: 0.8
            }
        return (y, w)
    }

    /// One learner's facts.
    struct Person {
        var code: String
        var name: String
        var birthYear: Int
        var gender: String?
        var ability: Double
        var elderly: Bool { birthYear <= 1964 }
    }

    /// Events before numbering: the centre numbers them in time order at the end.
    struct Draft {
        var at: Int64
        var kind: String
        var learner: String
        var course: String?
        var version: Int?
        var lesson: String?
        var item: String?
        var attempt: Int?
        var payload: String
    }

    func events(learners count: Int, _ rng: inout SeedRandom) -> [Event] {
        var drafts: [Draft] = []
        drafts.reserveCapacity(count * 70)
        var prefixes: [String: Int] = [:]
        let families = SeedNames.families.map(\.1)
        let years = Self.birthYears.map(\.1)
        for _ in 0..<count {
            let g = rng.unit()
            let gender: String? = g < 0.55 ? "nu" : g < 0.99 ? "nam" : g < 0.995 ? "khac" : nil
            let woman = gender == "nu" || (gender == nil && rng.chance(0.5))
            let birthYear = Self.birthYears[rng.weighted(years)].0
            let given = rng.pick(woman ? SeedNames.womenGiven : SeedNames.menGiven)
            let name =
                "\(SeedNames.families[rng.weighted(families)].0) \(rng.pick(woman ? SeedNames.womenMiddle : SeedNames.menMiddle)) \(given)"
            var letters = SeedNames.givenCodeLetters[given] ?? SeedNames.codeLetters(given)
            while letters.count < 3 { letters += "X" }
            let n = (prefixes[letters] ?? 0) + 1
            prefixes[letters] = n
            let age = 2025 - birthYear
            let ageTerm = age < 30 ? 0.7 : age < 45 ? 0.4 : age < 60 ? 0.0 : age < 70 ? -0.5 : -0.9
            let person = Person(
                code: letters + String(n), name: name, birthYear: birthYear, gender: gender,
                ability: rng.normal() * 0.8 + ageTerm)
            simulate(person, &rng, into: &drafts)
        }
        // The centre's log: time order, each learner's own order kept for equal times.
        let order = drafts.indices.sorted { (drafts[$0].at, $0) < (drafts[$1].at, $1) }
        var seq: Int64 = 0
        return order.map { i in
            let d = drafts[i]
            seq += 1
            return Event(
                nodeId: centre.center.nodeId, seq: seq, recordedAt: d.at,
                occurrence: Occurrence(
                    kind: EventKind(rawValue: d.kind), learner: d.learner, occurredAt: d.at, courseId: d.course,
                    courseVersion: d.version, lessonId: d.lesson, itemId: d.item, attempt: d.attempt,
                    payload: EventPayload(json: d.payload)))
        }
    }

    /// A learner registers, then takes one to three courses with plausible drop-off.
    func simulate(_ p: Person, _ rng: inout SeedRandom, into drafts: inout [Draft]) {
        // More people join as the campaign gets known (later days more likely).
        let day = campaignStart.adding(days: Int(330 * pow(rng.unit(), 0.75)))
        var t = day.startMillis + Int64(rng.int(7...18)) * 3_600_000 + Int64(rng.int(0...59)) * 60_000
        var facts =
            "{\"birthYear\":\(p.birthYear),\"commune\":\(JSONLiteral.string(centre.communeName)),\"displayName\":\(JSONLiteral.string(p.name))"
        if let g = p.gender { facts += ",\"gender\":\"\(g)\"" }
        facts += "}"
        drafts.append(Draft(at: t, kind: "learner.registered", learner: p.code, payload: facts))
        t += 120_000
        // Drawn only when some learners stay idle, so a full share keeps every seed's data as before.
        if activeShare < 1, !rng.chance(activeShare) { return }

        let woman = p.gender == "nu"
        let weights = plans.map { plan -> Double in
            plan.appeal.base * (woman ? plan.appeal.women : plan.appeal.men) * (p.elderly ? plan.appeal.elderly : 1)
        }
        var available = Array(plans.indices)
        var w = weights
        let wanted = min(plans.count, rng.weighted([0.55, 0.30, 0.15]) + 1)
        for _ in 0..<wanted {
            let k = rng.weighted(w)
            let plan = plans[available[k]]
            available.remove(at: k)
            w.remove(at: k)
            t = take(plan, p, t, &rng, into: &drafts)
            t += Int64(rng.int(1...20)) * 86_400_000
        }
    }

    /// One course: returns the time the learner stopped.
    func take(_ plan: CoursePlan, _ p: Person, _ start: Int64, _ rng: inout SeedRandom, into drafts: inout [Draft])
        -> Int64
    {
        var t = start
        let course = plan.course
        let ability = p.ability + rng.normal() * 0.3
        let slow: Double = p.elderly ? 1.6 : 1.0
        func add(
            _ kind: String, lesson: String? = nil, item: String? = nil, attempt: Int? = nil, payload: String = "{}"
        ) {
            drafts.append(
                Draft(
                    at: t, kind: kind, learner: p.code, course: course.id, version: course.version, lesson: lesson,
                    item: item,
                    attempt: attempt, payload: payload))
        }
        func wait(_ seconds: ClosedRange<Int>) { t += Int64(Double(rng.int(seconds)) * slow * 1000) }
        guard let first = plan.lessons.first else { return t }
        // Some open the course and never come back.
        if rng.chance(p.elderly ? 0.10 : 0.06) {
            add("lesson.opened", lesson: first.lesson.id)
            return t
        }
        let keepGoing = min(0.98, max(0.65, 0.91 + 0.05 * ability - (p.elderly ? 0.05 : 0)))
        // A few jump to the final quiz after two lessons.
        let jumper = rng.chance(0.04)
        var done = Set<String>()
        var index = 0
        while index < plan.lessons.count {
            let lp = plan.lessons[index]
            let lesson = lp.lesson
            add("lesson.opened", lesson: lesson.id)
            for step in lesson.steps {
                wait(20...90)
                add("step.read", lesson: lesson.id, item: step.id)
            }
            var passed = lp.questions.isEmpty
            if let quiz = lesson.quiz, !lp.questions.isEmpty {
                for attempt in 1...3 {
                    wait(10...40)
                    add("quiz.started", lesson: lesson.id, attempt: attempt)
                    var score = 0.0
                    var maxScore = 0.0
                    var rights: [Bool] = []
                    var wrongIds: [String] = []
                    for qp in lp.questions {
                        wait(8...60)
                        var hints = 0
                        if qp.hasHints, rng.chance(p.elderly ? 0.28 : 0.12) { hints = rng.chance(0.8) ? 1 : 2 }
                        let logit = 1.7 + ability + 0.35 * Double(attempt - 1) - qp.difficulty + 0.6 * Double(hints)
                        let intendRight = rng.unit() < 1 / (1 + exp(-logit))
                        let response = (intendRight ? qp.right : nil) ?? CoursePlan.wrongResponse(qp, &rng)
                        let (grade, responseJSON) = answers.graded(qp.question, in: course.id, response)
                        score += grade.score
                        maxScore += grade.maxScore
                        rights.append(grade.isCorrect)
                        if !grade.isCorrect { wrongIds.append(qp.question.id) }
                        let elapsed = Int(Double(rng.int(6_000...55_000)) * slow)
                        add(
                            "answer.submitted", lesson: lesson.id, item: qp.question.id, attempt: attempt,
                            payload:
                                "{\"correct\":\(grade.isCorrect),\"elapsedMs\":\(elapsed),\"hintsUsed\":\(hints),\"maxScore\":\(JSONText.number(grade.maxScore)),\"response\":\(responseJSON),\"score\":\(JSONText.number(grade.score))}"
                        )
                    }
                    let share = maxScore > 0 ? score / maxScore : 0
                    passed = quiz.mastery.isPassed(scoreShare: share, answersCorrect: rights)
                    wait(5...20)
                    var finished = lesson.isFinal ? "{\"final\":true," : "{"
                    finished +=
                        "\"mastery\":\(JSONText.mastery(quiz.mastery)),\"maxScore\":\(JSONText.number(maxScore)),"
                    finished +=
                        "\"passed\":\(passed),\"score\":\(JSONText.number(score)),\"wrong\":[\(wrongIds.map(JSONLiteral.string).joined(separator: ","))]}"
                    add("quiz.finished", lesson: lesson.id, attempt: attempt, payload: finished)
                    if passed || !rng.chance(p.elderly ? 0.55 : 0.7) { break }
                    // Retry now or another day.
                    if rng.chance(0.5) { t += Int64(rng.int(1...6)) * 86_400_000 }
                }
            }
            guard passed else { return t }
            wait(2...10)
            add("lesson.completed", lesson: lesson.id)
            done.insert(lesson.id)
            if done.count == plan.lessons.count {
                add("course.completed")
                return t
            }
            if lesson.isFinal && jumper { return t }
            guard rng.chance(keepGoing) else { return t }
            // The next lesson: the same sitting, or a later day (older learners come less often).
            if rng.chance(0.45) {
                wait(60...600)
            } else {
                t += Int64(Double(rng.int(1...(p.elderly ? 12 : 7))) * 86_400_000)
                t += Int64(rng.int(-3...3)) * 3_600_000
            }
            index += 1
            if jumper, index == 2, let final = plan.lessons.lastIndex(where: { $0.lesson.isFinal }), final > index {
                index = final
            }
        }
        return t
    }
}

/// Payload pieces the way the centre's store writes them (compact, keys sorted; strings,
/// numbers and responses through the same `JSONLiteral` the store uses).
enum JSONText {
    /// A number as the store writes it.
    static func number(_ v: Double) -> String { JSONLiteral.number(v) ?? "0" }

    /// A quiz's mastery rule as the store writes it.
    static func mastery(_ rule: MasteryRule) -> String {
        switch rule {
        case .passMark(let mark): "{\"mark\":\(number(mark)),\"rule\":\"pass-mark\"}"
        case .recent(let m, let n): "{\"m\":\(m),\"n\":\(n),\"rule\":\"recent\"}"
        }
    }
}
