import CourseModel
import QuizEngine

/// F5 on any screen: what is on it, said aloud in the course's language, with the
/// pronunciation list applied (`SpokenText`).
extension LearnerApp {
    /// Speaks what is on screen, or says how to get a voice.
    func readAloud() {
        guard environment.speaker.isAvailable() else {
            message = say(ClientText.speechMissing)
            return
        }
        let text: String
        switch screen {
        case .reading(let state):
            let step = state.lesson.steps.indices.contains(state.index) ? state.lesson.steps[state.index] : nil
            text = step.map { $0.title + ".\n" + $0.blocks.plainText } ?? state.lesson.title
        case .quiz(let state) where !state.intro:
            text = spokenQuestion(state)
        default:
            text = content(width: 80, height: 0).body.joined(separator: "\n")
        }
        let voice = course?.language ?? language.rawValue
        environment.speaker.speak(SpokenText.prepare(Self.stripANSI(text), language: voice), voice)
        message = say(ClientText.speaking)
    }

    /// A question as it is read aloud: the prompt, the choices with their numbers, and after an
    /// answer the verdict, the learner's answer beside the right one, and the explanation.
    func spokenQuestion(_ state: QuizScreenState) -> String {
        guard let question = state.question else { return state.lesson.title }
        var parts = [question.prompt.plainText, question.body.plainText]
        for (index, option) in state.active.displayedOptions(of: question).enumerated() {
            parts.append("\(index + 1). \(option.content.plainText)")
        }
        switch question.answer {
        case .ordering:
            parts += state.items.enumerated().map { "\($0.offset + 1). \($0.element.content.plainText)" }
        case .matching:
            parts += state.active.displayedLeftItems(of: question).map(\.content.plainText)
            parts += state.active.displayedRightItems(of: question).enumerated().map {
                "\($0.offset + 1). \($0.element.content.plainText)"
            }
        default: break
        }
        if let outcome = state.outcome {
            parts.append(say(outcome.grade.isCorrect ? ClientText.correct : ClientText.wrong))
            parts += answeredLines(question, state: state, outcome: outcome, width: 200).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            parts.append(outcome.feedback.plainText)
            parts.append(outcome.explanation.plainText)
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
