import CourseModel
import Foundation
import LessonSearch
import Localization
import TerminalText

/// The lesson search: a box, and the steps of every installed course that match what is typed.
struct SearchState: Equatable {
    /// What the learner typed, through their input method.
    var field: TextField
    /// The results for the text now in the field, best first.
    var results: [SearchHit] = []
    var cursor = 0
    /// Whether the index could not be read (said instead of "nothing found").
    var failed = false
}

/// The readings of a search a learner typed, all of which are searched.
enum SearchQueries {
    /// The text as shown and the keys as pressed, and the keys read as Telex and as VNI:
    /// `mwcs 2` finds `mức 2` even when the input method was off, and `vneid` still finds
    /// `VNeID` when Telex is on. Each word a method would make into no Vietnamese syllable is
    /// kept as typed (the answer box's rule).
    static func readings(shown: String, keys: String) -> [String] {
        var out: [String] = []
        for text in [shown, keys] + [InputMethod.telex, .vni].map({ composed(keys, $0) })
        where !out.contains(text) && !text.allSatisfy(\.isWhitespace) {
            out.append(text)
        }
        return out
    }

    private static func composed(_ keys: String, _ method: InputMethod) -> String {
        var field = TextField(method: method)
        field.type(line: keys)
        return field.text
    }
}

extension LearnerApp {
    /// Opens the lesson search with `text` typed, once a learner is signed in (Esc then leads
    /// to the course list).
    public func openSearch(_ text: String) {
        if learner != nil { startSearch(text) }
    }

    /// Opens the search box from the course list (`/`), with `text` already typed.
    func startSearch(_ text: String = "") {
        var state = SearchState(field: TextField(method: chosenInputMethod ?? .defaultFor(language: language.rawValue)))
        state.field.type(line: text)
        screen = .search(runSearch(state))
    }

    /// `state` with the results for the text in its field.
    func runSearch(_ state: SearchState) -> SearchState {
        var state = state
        state.cursor = 0
        state.failed = false
        let queries = SearchQueries.readings(shown: state.field.text, keys: state.field.keys)
        guard !queries.isEmpty else {
            state.results = []
            return state
        }
        do {
            state.results = try backend.searchLessons(queries)
        } catch {
            state.results = []
            state.failed = true
        }
        return state
    }

    func handleSearch(_ key: Key, _ state: SearchState) {
        var state = state
        switch key {
        case .character(let c):
            state.field.type(c)
            state = runSearch(state)
        case .paste(let text):
            state.field.type(line: text)
            state = runSearch(state)
        case .backspace:
            state.field.deleteBackward()
            state = runSearch(state)
        case .up: state.cursor = max(0, state.cursor - 1)
        case .down: state.cursor = min(max(0, state.results.count - 1), state.cursor + 1)
        case .enter:
            guard state.results.indices.contains(state.cursor) else { break }
            return openSearchHit(state.results[state.cursor])
        case .escape: return showCourses(selecting: nil)
        default: break
        }
        screen = .search(state)
    }

    /// A line typed in line mode: a result's number opens it, an empty line goes back, other
    /// text is searched for.
    func handleSearchLine(_ line: String, _ state: SearchState) {
        if line.isEmpty { return showCourses(selecting: nil) }
        if let number = Int(line), state.results.indices.contains(number - 1) {
            return openSearchHit(state.results[number - 1])
        }
        var state = state
        state.field.clear()
        state.field.type(line: line)
        screen = .search(runSearch(state))
    }

    /// Opens the lesson of `hit` at its step; a lesson still locked by the course's order opens
    /// the lesson list instead, saying why.
    func openSearchHit(_ hit: SearchHit) {
        guard let learner else { return }
        do {
            let loaded = try backend.loadCourse(id: hit.courseID)
            guard let index = loaded.lessons.firstIndex(where: { $0.id == hit.lessonID }) else {
                return showCourses(selecting: hit.courseID)
            }
            let lesson = loaded.lessons[index]
            course = loaded
            let progress = try backend.progress(learner: learner.code, course: loaded)
            let done = Set(loaded.lessons.map(\.id).filter { progress.status(of: $0) == .done })
            if let blocking = loaded.lessonBlocking(index, done: done),
                let previous = loaded.lessons.firstIndex(where: { $0.id == blocking.id })
            {
                var state = LessonListState(progress: progress, cursor: index)
                state.notice = ClientText.lessonLocked(index + 1, previous + 1, safe(blocking.title))
                screen = .lessons(state)
                return
            }
            // The index may be older than the course: find the step by id, else by position.
            let step =
                lesson.steps.firstIndex { $0.id == hit.stepID } ?? min(hit.stepIndex, max(0, lesson.steps.count - 1))
            record(occurrence { .lessonOpened(learner: $0, course: $1, version: $2, lesson: lesson.id, at: $3) })
            if lesson.steps.isEmpty { return startQuizIntro(lesson) }
            screen = .reading(ReadingState(lesson: lesson, index: step))
        } catch {
            message = "\(say(ClientText.errorPrefix)) \(failure(error))"
        }
    }

    func searchContent(_ state: SearchState, width: Int) -> ScreenContent {
        let caret = usesKeys ? "▏" : ""
        var body = Layout.hanging(
            safe(state.field.text) + caret, marker: "  " + say(ClientText.searchPrompt) + " ", width: width)
        body.append("")
        let typed = !state.field.text.allSatisfy(\.isWhitespace)
        var focus: ClosedRange<Int>?
        if state.failed {
            body += Layout.indented(say(ClientText.searchUnavailable), width: width)
        } else if !typed {
            body += Layout.indented(say(ClientText.searchHint), width: width)
        } else if state.results.isEmpty {
            body += Layout.indented(say(ClientText.searchNothing(safe(state.field.text))), width: width)
        }
        for (index, hit) in state.results.enumerated() {
            let selected = index == state.cursor && usesKeys
            let marker = (selected ? "› " : "  ") + "\(index + 1). "
            let start = body.count
            let place = [hit.courseTitle, hit.lessonTitle, hit.stepTitle].map(safe).joined(separator: " › ")
            body += Layout.hanging(place, marker: marker, width: width).map {
                selected ? styler.apply(TextStyle(reverse: true), to: $0) : $0
            }
            body += matchLines(hit, width: width)
            if index == state.cursor { focus = start...(body.count - 1) }
        }
        if !usesKeys, !state.results.isEmpty {
            body += [""] + Layout.indented(say(ClientText.searchLineHint), width: width)
        }
        var keys = [
            KeyHint(key: KeyMap.confirm, action: ClientText.keyOpen, priority: 0),
            KeyHint(key: KeyMap.back, action: ClientText.keyBack, priority: 1),
            KeyHint(key: KeyMap.move, action: ClientText.keyChoose, priority: 4),
        ]
        if usesKeys {
            keys.append(
                KeyHint(key: KeyMap.inputMethod, action: ClientText.inputMethodName(state.field.method), priority: 2))
        }
        var content = ScreenContent(
            title: say(ClientText.searchTitle),
            indicator: typed && !state.failed ? say(ClientText.searchCount(state.results.count)) : "",
            body: body, focus: focus, keys: keys + commonKeys)
        content.prompt = say(ClientText.searchPrompt) + " "
        return content
    }

    /// The line that matched, at most two rows under its result, the matched words in bold and
    /// underlined — or, without colour, in brackets.
    private func matchLines(_ hit: SearchHit, width: Int) -> [String] {
        let margin = "       "
        let line = safe(hit.matchingLine)
        let text =
            styler.isEnabled
            ? line
            : SearchHighlight.segments(line, words: hit.words).map { $0.matched ? "[\($0.text)]" : $0.text }.joined()
        var rows = Layout.indented(text, width: width, margin: margin)
        if rows.count > 2 {
            rows = Array(rows.prefix(2))
            rows[1] = Layout.fit(rows[1] + " …", width: width)
        }
        guard styler.isEnabled else { return rows }
        return rows.map { row in
            SearchHighlight.segments(row, words: hit.words).map {
                $0.matched ? styler.apply(TextStyle(bold: true, underline: true), to: $0.text) : $0.text
            }.joined()
        }
    }
}
