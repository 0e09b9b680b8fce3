import CourseModel
import Foundation
import QuizEngine

/// Keys on a question, by kind. Digits and arrows are enough for every kind; letters are typed
/// only into text answers. A key returns responses only from Enter on the Answer button (or in
/// a text field): picking never answers.
extension LearnerApp {
    /// Applies `key` to the picks; the responses to grade when the learner submits.
    func answerKey(_ key: Key, question: Question, state: inout QuizScreenState) -> [Response]? {
        switch question.answer {
        case .shortAnswer, .numeric:
            return textKey(key, state: &state)
        case .singleChoice, .trueFalse:
            return choiceKey(key, question: question, state: &state)
        case .multipleAnswer:
            return ticksKey(key, question: question, state: &state)
        case .ordering:
            return orderKey(key, state: &state)
        case .matching:
            return pairKey(key, question: question, state: &state)
        }
    }

    /// Moves the cursor with ↑↓ (nothing highlighted yet: ↓ goes to the first row, ↑ to the
    /// button); true when the key was a move.
    private func move(_ key: Key, _ state: inout QuizScreenState) -> Bool {
        let button = state.rows
        switch key {
        case .up: state.cursor = state.cursor.map { max(0, $0 - 1) } ?? button
        case .down: state.cursor = state.cursor.map { min(button, $0 + 1) } ?? 0
        case .home: state.cursor = 0
        case .end: state.cursor = button
        default: return false
        }
        scroll = nil
        return true
    }

    /// The 1-based digit a key types, if any.
    private func digit(_ key: Key) -> Int? {
        guard case .character(let c) = key, c.isASCII, let n = c.wholeNumberValue, n > 0 else { return nil }
        return n
    }

    private func choiceKey(_ key: Key, question: Question, state: inout QuizScreenState) -> [Response]? {
        let options = state.active.displayedOptions(of: question)
        if move(key, &state) { return nil }
        if let n = digit(key) {
            guard options.indices.contains(n - 1) else {
                state.notice = ClientText.instruction(question.kind)
                return nil
            }
            state.selected = options[n - 1].id
            state.cursor = state.rows
            return nil
        }
        guard key == .enter || key == .space else { return nil }
        switch state.cursor {
        case .some(let row) where options.indices.contains(row):
            state.selected = options[row].id
            state.cursor = state.rows
        case .some where key == .enter:
            guard let selected = state.selected else {
                state.notice = ClientText.pickFirst
                return nil
            }
            return [.choice(selected)]
        default:
            state.notice = ClientText.pickFirst
        }
        return nil
    }

    private func ticksKey(_ key: Key, question: Question, state: inout QuizScreenState) -> [Response]? {
        let options = state.active.displayedOptions(of: question)
        if move(key, &state) { return nil }
        if let n = digit(key) {
            guard options.indices.contains(n - 1) else {
                state.notice = ClientText.instruction(question.kind)
                return nil
            }
            state.ticked.formSymmetricDifference([options[n - 1].id])
            state.cursor = state.rows
            return nil
        }
        guard key == .enter || key == .space else { return nil }
        switch state.cursor {
        case .some(let row) where options.indices.contains(row):
            state.ticked.formSymmetricDifference([options[row].id])
        case .some where key == .enter:
            return [.choices(options.map(\.id).filter(state.ticked.contains))]
        default:
            state.notice = ClientText.pickSomeFirst
        }
        return nil
    }

    private func orderKey(_ key: Key, state: inout QuizScreenState) -> [Response]? {
        if move(key, &state) { return nil }
        func place(_ index: Int) {
            let id = state.items[index].id
            if let at = state.sequence.firstIndex(of: id) {
                state.sequence.remove(at: at)
            } else {
                state.sequence.append(id)
            }
            state.cursor = state.sequence.count == state.items.count ? state.rows : index
        }
        if let n = digit(key) {
            guard state.items.indices.contains(n - 1) else {
                state.notice = ClientText.instruction(.ordering)
                return nil
            }
            place(n - 1)
            return nil
        }
        switch key {
        case .backspace, .delete:
            _ = state.sequence.popLast()
        case .enter, .space:
            switch state.cursor {
            case .some(let row) where state.items.indices.contains(row): place(row)
            case .some where key == .enter: return [.order(state.sequence)]
            default: state.notice = ClientText.instruction(.ordering)
            }
        default: break
        }
        return nil
    }

    private func pairKey(_ key: Key, question: Question, state: inout QuizScreenState) -> [Response]? {
        let left = state.active.displayedLeftItems(of: question)
        let right = state.active.displayedRightItems(of: question)
        if move(key, &state) { return nil }
        /// The next left item without a partner after `index`, else the Answer button.
        func nextUnpaired(after index: Int) -> Int {
            let order = Array(left.indices.dropFirst(index + 1)) + Array(left.indices.prefix(index + 1))
            return order.first { state.pairs[left[$0].id] == nil } ?? state.rows
        }
        func pair(_ row: Int, with partner: Int) {
            let rightID = right[partner].id
            // A partner belongs to one left item at most: taking it frees its old owner.
            for (l, r) in state.pairs where r == rightID { state.pairs[l] = nil }
            state.pairs[left[row].id] = rightID
        }
        let row = state.cursor.flatMap { left.indices.contains($0) ? $0 : nil }
        if let n = digit(key) {
            guard right.indices.contains(n - 1) else {
                state.notice = ClientText.instruction(.matching)
                return nil
            }
            let target = row ?? nextUnpaired(after: -1)
            guard left.indices.contains(target) else { return nil }
            pair(target, with: n - 1)
            state.cursor = nextUnpaired(after: target)
            return nil
        }
        switch key {
        case .left, .right:
            // Arrows alone can pair too: ←→ walk the partners for the item on the cursor.
            guard let row, !right.isEmpty else { return nil }
            let current = state.pairs[left[row].id].flatMap { id in right.firstIndex { $0.id == id } }
            let step = key == .right ? 1 : right.count - 1
            pair(row, with: current.map { ($0 + step) % right.count } ?? (key == .right ? 0 : right.count - 1))
        case .backspace, .delete:
            if let row { state.pairs[left[row].id] = nil }
        case .enter, .space:
            if let row {
                state.cursor = nextUnpaired(after: row) == state.rows ? state.rows : min(state.rows, row + 1)
            } else if key == .enter, state.cursor == state.rows {
                return [.pairs(state.pairs)]
            }
        default: break
        }
        return nil
    }

    private func textKey(_ key: Key, state: inout QuizScreenState) -> [Response]? {
        switch key {
        case .character(let c):
            if !state.text.type(c) { state.notice = ClientText.tooLong(TextField.limit) }
        case .paste(let pasted):
            if !state.text.type(line: pasted) { state.notice = ClientText.tooLong(TextField.limit) }
        case .backspace: state.text.deleteBackward()
        case .enter:
            // What the learner saw first; the raw keys when an input method changed them.
            let seen = state.text.text.trimmingCharacters(in: .whitespaces)
            let keys = state.text.keys.trimmingCharacters(in: .whitespaces)
            return keys == seen || keys.isEmpty ? [.text(seen)] : [.text(seen), .text(keys)]
        default: break
        }
        return nil
    }

    /// Clears the text field on screen (a line in line mode replaces what was typed).
    func clearField() {
        switch screen {
        case .quiz(var state):
            state.text.clear()
            screen = .quiz(state)
        case .signIn(var state):
            if state.pending != nil { state.pin = "" } else { state.code = "" }
            screen = .signIn(state)
        case .operatorExit(var state):
            state.code = ""
            screen = .operatorExit(state)
        default: break
        }
    }

    /// Whether the screen is typing into a field (line mode then sends the line as text).
    var takesText: Bool {
        switch screen {
        case .signIn, .operatorExit: return true
        case .quiz(let state):
            guard !state.intro, state.outcome == nil, let question = state.question else { return false }
            return question.kind == .shortAnswer || question.kind == .numeric
        default: return false
        }
    }
}
