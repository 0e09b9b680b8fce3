import CourseModel
import Foundation
import QuizEngine

/// What a key or line means on a question.
enum AnswerAction: Equatable {
    case none, quit, hint, readAloud
    case submit(Response)
    case invalid(String)
}

extension LearnerApp {
    /// A key on a question: picks, moves, types, or submits, by the question's kind.
    func answerKey(_ key: Key, question: Question, state: inout QuizScreenState) -> AnswerAction {
        let options = state.active.displayedOptions(of: question)
        switch question.answer {
        case .shortAnswer, .numeric:
            switch key {
            case .enter:
                return textResponse(state.text.text, question: question)
            case .backspace: state.text.deleteBackward()
            case .character("?"), .function(1), .function(3): return .hint
            case .escape: return .quit
            case .character(let c): state.text.type(c)
            default: break
            }
            return .none
        default:
            break
        }
        switch key {
        case .character("q"), .character("Q"), .escape: return .quit
        case .character("h"), .character("H"), .character("?"): return .hint
        case .character("r"), .character("R"): return .readAloud
        default: break
        }
        switch question.answer {
        case .singleChoice, .trueFalse:
            switch key {
            case .up: state.cursor = max(0, state.cursor - 1)
            case .down: state.cursor = min(options.count - 1, state.cursor + 1)
            case .enter where options.indices.contains(state.cursor): return .submit(.choice(options[state.cursor].id))
            case .character(let c):
                if let n = c.wholeNumberValue, options.indices.contains(n - 1) {
                    state.cursor = n - 1
                    return .submit(.choice(options[n - 1].id))
                }
            default: break
            }
        case .multipleAnswer:
            switch key {
            case .up: state.cursor = max(0, state.cursor - 1)
            case .down: state.cursor = min(options.count - 1, state.cursor + 1)
            case .space where options.indices.contains(state.cursor):
                state.ticked.formSymmetricDifference([options[state.cursor].id])
            case .character(let c):
                if let n = c.wholeNumberValue, options.indices.contains(n - 1) {
                    state.cursor = n - 1
                    state.ticked.formSymmetricDifference([options[n - 1].id])
                }
            case .enter:
                return state.ticked.isEmpty
                    ? .invalid(strings.emptyAnswer) : .submit(.choices(options.map(\.id).filter(state.ticked.contains)))
            default: break
            }
        case .ordering:
            let last = state.order.count - 1
            switch key {
            case .up: state.cursor = max(0, state.cursor - 1)
            case .down: state.cursor = min(last, state.cursor + 1)
            case .shiftUp, .character("u"), .character("U"), .character("k"):
                if state.cursor > 0 {
                    state.order.swapAt(state.cursor, state.cursor - 1)
                    state.cursor -= 1
                }
            case .shiftDown, .character("d"), .character("D"), .character("j"):
                if state.cursor < last {
                    state.order.swapAt(state.cursor, state.cursor + 1)
                    state.cursor += 1
                }
            case .enter: return .submit(.order(state.order.map(\.id)))
            default: break
            }
        case .matching:
            let left = state.active.displayedLeftItems(of: question)
            let right = state.active.displayedRightItems(of: question)
            switch key {
            case .up: state.cursor = max(0, state.cursor - 1)
            case .down: state.cursor = min(left.count - 1, state.cursor + 1)
            case .backspace, .delete:
                if left.indices.contains(state.cursor) { state.pairs[left[state.cursor].id] = nil }
            case .enter:
                return state.pairs.isEmpty ? .invalid(strings.emptyAnswer) : .submit(.pairs(state.pairs))
            case .character(let c):
                if let n = c.wholeNumberValue, left.indices.contains(n - 1) {
                    state.cursor = n - 1
                } else if let index = Self.letterIndex(c), right.indices.contains(index),
                    left.indices.contains(state.cursor)
                {
                    // A right item belongs to one left item at most: taking it frees its old partner.
                    let rightID = right[index].id
                    for (l, r) in state.pairs where r == rightID { state.pairs[l] = nil }
                    state.pairs[left[state.cursor].id] = rightID
                    state.cursor = min(left.count - 1, state.cursor + 1)
                }
            default: break
            }
        case .shortAnswer, .numeric:
            break
        }
        return .none
    }

    /// A line on a question (line mode): numbers, orders, pairs or the typed answer.
    func answerLine(_ line: String, question: Question, state: inout QuizScreenState) -> AnswerAction {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let command = trimmed.lowercased()
        if command == "?" { return .hint }
        switch question.answer {
        case .shortAnswer, .numeric:
            if command == "q" { return .quit }
            state.text.text = ""
            state.text.type(line: trimmed)
            return textResponse(state.text.text, question: question)
        default: break
        }
        switch command {
        case "q": return .quit
        case "h": return .hint
        case "r": return .readAloud
        default: break
        }
        let options = state.active.displayedOptions(of: question)
        switch question.answer {
        case .singleChoice, .trueFalse:
            guard let n = Int(command), options.indices.contains(n - 1) else {
                return .invalid(strings.instruction(kindName(question), false))
            }
            return .submit(.choice(options[n - 1].id))
        case .multipleAnswer:
            let numbers = Self.numbers(in: command, count: options.count)
            guard !numbers.isEmpty, numbers.allSatisfy({ options.indices.contains($0 - 1) }) else {
                return .invalid(strings.instruction(.multipleAnswer, false))
            }
            return .submit(.choices(numbers.map { options[$0 - 1].id }))
        case .ordering:
            let numbers = Self.numbers(in: command, count: state.order.count)
            guard numbers.sorted() == Array(1...max(1, state.order.count)), numbers.count == state.order.count else {
                return .invalid(strings.instruction(.ordering, false))
            }
            state.order = numbers.map { state.order[$0 - 1] }
            return .submit(.order(state.order.map(\.id)))
        case .matching:
            let left = state.active.displayedLeftItems(of: question)
            let right = state.active.displayedRightItems(of: question)
            var pairs: [String: String] = [:]
            for token in command.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }) {
                let digits = token.prefix { $0.isNumber }
                guard let n = Int(digits), left.indices.contains(n - 1),
                    let c = token.dropFirst(digits.count).last(where: \.isLetter),
                    let index = Self.letterIndex(c), right.indices.contains(index)
                else { return .invalid(strings.instruction(.matching, false)) }
                pairs[left[n - 1].id] = right[index].id
            }
            return pairs.isEmpty ? .invalid(strings.instruction(.matching, false)) : .submit(.pairs(pairs))
        case .shortAnswer, .numeric:
            return .none
        }
    }

    private func textResponse(_ text: String, question: Question) -> AnswerAction {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .invalid(strings.emptyAnswer) }
        if case .numeric = question.answer, Numbers.readings(of: text).isEmpty { return .invalid(strings.notANumber) }
        return .submit(.text(text))
    }

    /// `1 3`, `1,3` or (with at most nine choices) `13` → [1, 3].
    static func numbers(in text: String, count: Int) -> [Int] {
        let tokens = text.split { !$0.isNumber }
        if tokens.count == 1, count <= 9, let token = tokens.first, token.count > 1 {
            return token.compactMap(\.wholeNumberValue)
        }
        return tokens.compactMap { Int($0) }
    }

    /// `a` → 0, `b` → 1, …
    static func letterIndex(_ c: Character) -> Int? {
        guard c.isASCII, c.isLetter, let value = c.lowercased().unicodeScalars.first?.value else { return nil }
        return Int(value) - 97
    }

    func kindName(_ question: Question) -> QuestionKindName {
        switch question.kind {
        case .singleChoice: .singleChoice
        case .trueFalse: .trueFalse
        case .multipleAnswer: .multipleAnswer
        case .shortAnswer: .shortAnswer
        case .numeric: .numeric
        case .ordering: .ordering
        case .matching: .matching
        }
    }
}
