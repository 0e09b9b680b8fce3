import CourseModel
import Testing

/// Typed answers are bounded (2,000 characters) and matched in time proportional to their length:
/// issue 13 measured 1,000 characters in 0.03 s, 16,000 in 5.4 s, and 1 MB never finished.
struct TypedAnswerLimitTests {
    static let question = Question(
        id: "q", prompt: [.text("Gõ tên nước ta")],
        answer: .shortAnswer(
            ShortAnswerKey(
                accepted: [.text("Việt Nam"), .regex("viet ?nam|vn")],
                anticipated: [AnticipatedAnswer(pattern: .text("Lào"), feedback: [])])))

    static let number = Question(
        id: "n", prompt: [.text("Bao nhiêu?")],
        answer: .numeric(NumericKey(accepted: [NumericRange(lower: 2.45, upper: 2.55, display: "2,5 ± 0,05")])))

    /// The time to grade `text` against both questions.
    func gradingTime(_ text: String) -> Duration {
        ContinuousClock().measure {
            _ = Self.question.grade(.text(text))
            _ = Self.number.grade(.text(text))
        }
    }

    /// The time to match `text` with every rule and a regex, and to read it as numbers, past the
    /// limit too (the matcher itself must stay linear).
    func matchingTime(_ text: String) -> Duration {
        ContinuousClock().measure {
            for rule in MatchRule.allCases {
                _ = TextPattern.text("Việt Nam").matches(text, rule: rule)
                _ = TextPattern.regex("viet ?nam|vn").matches(text, rule: rule)
            }
            _ = Numbers.readings(of: text)
        }
    }

    @Test func typedAnswersTakeQuadraticTimeNoMore() {
        // Words, one long word, and digits: each shape the matcher walks differently.
        for unit in ["Việt Nam ", "a", "1", "đường "] {
            let short = String(repeating: unit, count: 2_000 / unit.count)
            let long = String(repeating: unit, count: 16_000 / unit.count)
            let shortTime = matchingTime(short)
            let longTime = matchingTime(long)
            // Eight times the text may take ~8× as long; quadratic would be ~64×.
            #expect(longTime < .seconds(1), "\(unit.debugDescription) × 16,000 characters took \(longTime)")
            #expect(
                longTime < shortTime * 24 + .milliseconds(20),
                "\(unit.debugDescription): 2,000 characters \(shortTime), 16,000 characters \(longTime)")
        }
    }

    @Test func aMegabyteAnswerIsGradedWrongAtOnce() {
        let huge = String(repeating: "Việt Nam ", count: 120_000)
        #expect(gradingTime(huge) < .milliseconds(500))
        #expect(Self.question.grade(.text(huge)).score == 0)
    }

    @Test func theLimitIsTwoThousandCharacters() {
        #expect(Response.maxTypedCharacters == 2_000)
        let atLimit = "Việt Nam" + String(repeating: " ", count: 1_992)
        #expect(Self.question.grade(.text(atLimit)).isCorrect, "spaces are trimmed; 2,000 characters is allowed")
        #expect(!Self.question.grade(.text(atLimit + " ")).isCorrect)
    }
}
