import CourseModel
import Testing

@testable import QuizEngine

@Suite("What the learner sees, in which order")
struct DisplayOrderTests {
    static let learners = ["LAN24", "MINH7", "DEMO", "n-abcdefghijklmnop/HOA1", "THU", "AN1", "BINH", "CUONG"]

    @Test(arguments: learners)
    func orderingNeverStartsSolved(learner: String) {
        for attempt in 1...30 {
            let two = Question(id: "o2", prompt: [], answer: .ordering([Fixtures.item("x"), Fixtures.item("y")]))
            for question in [Fixtures.ordering, two] {
                let session = QuizSession(quiz: Fixtures.quiz([question]), learnerKey: learner, attempt: attempt)
                let shown = session.displayedItems(of: question).map(\.id)
                guard case .ordering(let items) = question.answer else { return }
                #expect(shown != items.map(\.id))
                #expect(shown.sorted() == items.map(\.id).sorted())
            }
        }
    }

    @Test func trueFalseIsNeverShuffled() {
        for learner in Self.learners {
            let session = QuizSession(quiz: Fixtures.quiz(), learnerKey: learner, attempt: 1)
            #expect(session.displayedOptions(of: Fixtures.trueFalse).map(\.id) == ["dung", "sai"])
        }
    }

    @Test func authorCanTurnShufflingOff() {
        var fixed = Fixtures.single
        fixed.shuffle = false
        var fixedMatching = Fixtures.matching
        fixedMatching.shuffle = false
        for learner in Self.learners {
            let session = QuizSession(quiz: Fixtures.quiz(), learnerKey: learner, attempt: 3)
            #expect(session.displayedOptions(of: fixed).map(\.id) == ["a", "b", "c", "d"])
            #expect(session.displayedRightItems(of: fixedMatching).map(\.id) == ["r1", "r2", "r3"])
        }
    }

    @Test func optionsDifferBetweenLearnersButNotBetweenVisits() {
        var seen: Set<[String]> = []
        for learner in Self.learners {
            let a = QuizSession(quiz: Fixtures.quiz(), learnerKey: learner, attempt: 1)
            let b = QuizSession(quiz: Fixtures.quiz(), learnerKey: learner, attempt: 1)
            #expect(a.displayedOptions(of: Fixtures.single) == b.displayedOptions(of: Fixtures.single))
            #expect(a.displayedRightItems(of: Fixtures.matching) == b.displayedRightItems(of: Fixtures.matching))
            #expect(a.displayedLeftItems(of: Fixtures.matching).map(\.id) == ["l1", "l2"])
            seen.insert(a.displayedOptions(of: Fixtures.single).map(\.id))
        }
        #expect(seen.count > 1)
    }
}
