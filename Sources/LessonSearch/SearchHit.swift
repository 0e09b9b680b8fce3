/// One step a search found: where it is, and the line that matched.
public struct SearchHit: Sendable, Equatable {
    /// The step's row in the index.
    public var rowID: Int64
    /// The course id.
    public var courseID: String
    /// The course title.
    public var courseTitle: String
    /// The lesson id.
    public var lessonID: String
    /// The lesson title.
    public var lessonTitle: String
    /// The lesson's position in its course (0-based).
    public var lessonIndex: Int
    /// The step id.
    public var stepID: String
    /// The step's position in its lesson (0-based).
    public var stepIndex: Int
    /// The step title.
    public var stepTitle: String
    /// The step's plain text, lines separated by `\n`.
    public var body: String
    /// bm25 score: lower is better.
    public var score: Double
    /// The folded words of the query that found it (the last one typed may be a prefix).
    public var words: [String]

    /// How many of the query's words the step itself holds, in its title or body (its lesson's
    /// and course's titles not counted).
    public var coverage: Int

    /// Makes a hit.
    init(
        rowID: Int64, courseID: String, courseTitle: String, lessonID: String, lessonTitle: String, lessonIndex: Int,
        stepID: String, stepIndex: Int, stepTitle: String, body: String, score: Double, coverage: Int, words: [String]
    ) {
        self.rowID = rowID
        self.courseID = courseID
        self.courseTitle = courseTitle
        self.lessonID = lessonID
        self.lessonTitle = lessonTitle
        self.lessonIndex = lessonIndex
        self.stepID = stepID
        self.stepIndex = stepIndex
        self.stepTitle = stepTitle
        self.body = body
        self.score = score
        self.coverage = coverage
        self.words = words
    }

    /// Whether `a` is listed before `b`: more of the query in the step itself, then the better
    /// bm25 score, then course, lesson and step order.
    static func ranksBefore(_ a: SearchHit, _ b: SearchHit) -> Bool {
        (-a.coverage, a.score, a.courseID, a.lessonIndex, a.stepIndex)
            < (-b.coverage, b.score, b.courseID, b.lessonIndex, b.stepIndex)
    }

    /// The line to show under the result: the body line holding the most of the query's words,
    /// the first on a tie; the body's first line when only a title matched (titles are shown
    /// above it).
    public var matchingLine: String {
        let lines = body.split(separator: "\n").map(String.init)
        var bestLine = lines.first ?? ""
        var bestCount = 0
        for line in lines {
            let count = Set(
                SearchHighlight.segments(line, words: words).filter(\.matched).map { SearchFolding.fold($0.text) }
            ).count
            if count > bestCount {
                bestCount = count
                bestLine = line
            }
        }
        return bestLine
    }
}

/// A line cut into the parts a query matched and the rest, to show the matches highlighted.
public enum SearchHighlight {
    /// One part of a line.
    public struct Segment: Sendable, Equatable {
        /// The text, exactly as in the line.
        public var text: String
        /// Whether it is a word the query matched.
        public var matched: Bool
    }

    /// `line` as segments: a word matches when, folded, it equals one of `words` or begins with
    /// the last of them (the word being typed), as the search matched it.
    public static func segments(_ line: String, words: [String]) -> [Segment] {
        guard !words.isEmpty else { return [Segment(text: line, matched: false)] }
        let exact = Set(words.dropLast())
        let prefix = words[words.count - 1]
        var out: [Segment] = []
        var current = ""
        var inWord = false
        func flush() {
            guard !current.isEmpty else { return }
            let matched: Bool
            if inWord {
                let folded = SearchFolding.fold(current)
                matched = exact.contains(folded) || folded.hasPrefix(prefix)
            } else {
                matched = false
            }
            if let last = out.last, last.matched == matched, !matched {
                out[out.count - 1].text += current
            } else {
                out.append(Segment(text: current, matched: matched))
            }
            current = ""
        }
        for character in line {
            let isWord = SearchFolding.isWordCharacter(character)
            if isWord != inWord {
                flush()
                inWord = isWord
            }
            current.append(character)
        }
        flush()
        return out
    }
}
