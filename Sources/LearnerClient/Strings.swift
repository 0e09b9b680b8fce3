import Localization

/// Every word the learner client shows, for one interface language.
///
/// The values live in `Strings+vi.swift` and `Strings+en.swift`, one file per language, so a
/// translator edits one file and the compiler checks that no string is missing.
public struct Strings: Sendable {
    /// The interface language's code (`vi`, `en`).
    public let code: String

    // Sign in
    let appTitle: String
    let signInTitle: String
    let codePrompt: String
    let demoHint: String
    let pinPrompt: String
    let signInKeys: @Sendable (Bool) -> String
    let unknownLearner: @Sendable (String) -> String
    let wrongPIN: String
    let greeting: @Sendable (String) -> String
    let resumed: String

    // Courses and lessons
    let coursesTitle: String
    let noCourses: String
    let installHint: String
    let lessonsDone: @Sendable (Int, Int) -> String
    let courseDone: String
    let lessonLegend: String
    let courseKeys: @Sendable (Bool) -> String
    let lessonKeys: @Sendable (Bool) -> String
    let quizLabel: String
    let finalQuizLabel: String
    let stepsAndQuestions: @Sendable (Int, Int) -> String
    let bestScore: @Sendable (Int) -> String

    // Reading
    let stepCounter: @Sendable (Int, Int) -> String
    let readingKeys: String
    let readingKeysLine: String
    let lessonFinished: String
    let startQuiz: String

    // Quiz
    let quizIntro: @Sendable (Int, String) -> String
    let questionCounter: @Sendable (Int, Int) -> String
    let practiceBanner: String
    let instruction: @Sendable (QuestionKindName, Bool) -> String
    let yourAnswer: String
    let pairsMade: String
    let notPaired: String
    let pickLeftFirst: String
    let correct: String
    let partlyCorrect: @Sendable (String, String) -> String
    let wrong: String
    let correctAnswer: @Sendable (String) -> String
    let explanation: String
    let hint: @Sendable (Int, Int) -> String
    let noMoreHints: String
    let emptyAnswer: String
    let notANumber: String
    let continueKey: String
    let questionKeys: String
    let textKeys: String
    let lineHelp: String

    // Result and progress
    let resultTitle: String
    let practiceResultTitle: String
    let score: @Sendable (String, String, Int) -> String
    let passed: String
    let notPassed: String
    let passRule: @Sendable (String) -> String
    let toReview: String
    let allRight: String
    let resultKeys: @Sendable (Bool) -> String
    let progressTitle: String
    let progressKeys: String
    let notStartedYet: String

    // Input methods, read-aloud, leaving
    let inputMethod: @Sendable (InputMethod) -> String
    let speaking: String
    let speechMissing: String
    let saved: String
    let back: String
    let quit: String
    let errorPrefix: String
}

/// The question kinds, as the strings files name them (so they need not import the model).
public enum QuestionKindName: Sendable {
    /// One option.
    case singleChoice
    /// True or false.
    case trueFalse
    /// Several options.
    case multipleAnswer
    /// Typed text.
    case shortAnswer
    /// A typed number.
    case numeric
    /// Items in order.
    case ordering
    /// Pairs.
    case matching
}

extension Strings {
    /// The strings of an interface language (chosen by `Language.resolve`).
    public static func forLanguage(_ language: Language) -> Strings {
        switch language {
        case .vi: .vietnamese
        case .en: .english
        }
    }
}

extension Strings {
    /// The interface language.
    public var language: Language { Language(code: code) ?? .vi }

    /// What went wrong, in the interface language: a phrased error's own sentence, else a plain
    /// one — never a library's raw error text.
    func failure(_ error: any Error) -> String {
        if let phrased = error as? any PhrasedError { return phrased.phrase(language) }
        return Phrase(
            vi: "không lưu được; hãy báo nhân viên trung tâm", en: "it could not be saved; tell the centre staff")(
                language)
    }
}
