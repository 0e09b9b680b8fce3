import CourseModel
import QuizEngine

/// Random HocSo courses of every question kind GIFT can hold and one it cannot (ordering), with
/// Vietnamese text in both normal forms and every character GIFT or Markdown treats as syntax.
struct CourseGenerator {
    var random: SplitMix64  // QuizEngine's, so a failing case replays by its seed

    init(seed: UInt64) { random = SplitMix64(state: seed) }

    static let words = [
        "Học", "số", "điện", "thoại", "ngân", "hàng", "VNeID", "mã", "OTP", "lừa", "đảo", "hòa", "hoà", "thuỷ",
        "Người".decomposedStringWithCanonicalMapping, "Đường", "a=b", "x~y", "#1", "{x}", "a:b", "C:\\tmp", "50%",
        "*sao*", "_gạch_", "[ngoặc]", "<thẻ>", "a&b", "a|b", "1.", "->", "//", "::", "\"trích\"", "100.000đ",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ n: Int) -> Bool { int(1...n) == 1 }
    /// When set, no word holds `->` (HocSo reads it as the matching arrow in items that cannot escape it).
    var avoidArrow = false

    mutating func word() -> String {
        let word = Self.words.randomElement(using: &random)!
        return avoidArrow && word.contains("->") ? "mũi tên" : word
    }
    mutating func plainWord() -> String {
        ["nhà", "xã", "bưu", "điện", "đường", "thuế", "phí", "học"].randomElement(using: &random)!
    }

    mutating func text(_ n: ClosedRange<Int> = 1...6) -> String {
        (0..<int(n)).map { _ in word() }.joined(separator: " ")
    }

    /// Plain words, then now and then a styled run, separated by spaces.
    mutating func inlines() -> [Inline] {
        var out: [Inline] = [.text(text())]
        if chance(3) {
            let styled: Inline =
                switch int(0...3) {
                case 0: .strong([.text(plainWord())])
                case 1: .emphasis([.text(plainWord())])
                case 2: .code(codeText())
                default: .link(destination: "https://dichvucong.gov.vn", content: [.text(plainWord())])
                }
            out += [.text(" "), styled, .text(" " + text(1...2))]
        }
        return out
    }

    /// Code never holds `->`: in a short answer's feedback Moodle would read it as a matching pair,
    /// and code cannot escape it (docs/import-export.md says so).
    mutating func codeText() -> String {
        let saved = avoidArrow
        avoidArrow = true
        defer { avoidArrow = saved }
        return text(1...2)
    }

    mutating func paragraph() -> [Block] { [.paragraph(inlines())] }

    mutating func blocks() -> [Block] {
        (0..<int(1...3)).map { _ -> Block in
            switch int(0...5) {
            case 0: .list(start: nil, items: (0..<int(1...3)).map { _ in ListItem(blocks: paragraph()) })
            case 1: .code(language: nil, text: text() + "\n{ " + text() + " }\n")
            case 2: .callout(.warning, paragraph())
            case 3: .heading(level: 4, content: [.text(text(1...3))])
            default: .paragraph(inlines())
            }
        }
    }

    mutating func feedback() -> [Block] { chance(2) ? paragraph() : [] }

    mutating func options(count: Int, correct: Set<Int>) -> [ChoiceOption] {
        let contents = (0..<count).map { _ in inlines() }
        return zip(Identifier.uniqueSlugs(contents.map(\.plainText)), contents).enumerated().map { index, pair in
            ChoiceOption(id: pair.0, content: pair.1, isCorrect: correct.contains(index), feedback: feedback())
        }
    }

    mutating func range() -> NumericRange {
        let value = Double(int(-500...5000)) / Double([1, 10, 100].randomElement(using: &random)!)
        let tolerance = Double(int(0...50)) / 100
        let show = { (v: Double) in Numbers.vietnamese(v) }
        if chance(2) {
            return NumericRange(
                lower: value, upper: value + tolerance, display: "[\(show(value)); \(show(value + tolerance))]")
        }
        return NumericRange(
            lower: value - tolerance, upper: value + tolerance, display: "\(show(value)) ± \(show(tolerance))")
    }

    mutating func answer() -> AnswerKey {
        switch int(0...6) {
        case 0:
            let n = int(2...4)
            return .singleChoice(options(count: n, correct: [int(0...(n - 1))]))
        case 1:
            let right = chance(2)
            return .trueFalse([
                ChoiceOption(id: "dung", content: [.text("Đúng")], isCorrect: right, feedback: feedback()),
                ChoiceOption(id: "sai", content: [.text("Sai")], isCorrect: !right, feedback: feedback()),
            ])
        case 2:
            let n = int(2...5)
            let correct = Set((0..<n).filter { _ in chance(2) } + [int(0...(n - 1))])
            return .multipleAnswer(options(count: n, correct: correct), scoring: chance(2) ? .partial : .allOrNothing)
        case 3:
            let accepted = (0..<int(1...3)).map { _ in TextPattern.text(plainWord() + " " + plainWord()) }
            let feedbacks = chance(2) ? accepted.map { _ in feedback() } : []
            return .shortAnswer(
                ShortAnswerKey(
                    accepted: accepted, acceptedFeedback: feedbacks.allSatisfy(\.isEmpty) ? [] : feedbacks,
                    anticipated: (0..<int(0...2)).map { _ in
                        AnticipatedAnswer(pattern: .text(plainWord() + " sai"), feedback: feedback())
                    }, rule: [MatchRule.standard, .ignoreDiacritics, .exact].randomElement(using: &random)!))
        case 4:
            return .numeric(
                NumericKey(
                    accepted: (0..<int(1...2)).map { _ in range() },
                    anticipated: (0..<int(0...2)).map { _ in AnticipatedNumber(range: range(), feedback: feedback()) }))
        case 5:
            // Ordering items that hold `->` or start like an answer marker cannot be written in HocSo.
            let contents = (0..<int(2...4)).map { _ in [Inline.text(plainWord() + " " + plainWord())] }
            return .ordering(
                zip(Identifier.uniqueSlugs(contents.map(\.plainText)), contents).map { AnswerItem(id: $0, content: $1) }
            )
        default:
            let n = int(2...4)
            avoidArrow = true
            let lefts = (0..<n).map { _ in inlines() }
            avoidArrow = false
            let rights = (0..<(n + int(0...1))).map { i in [Inline.text(plainWord() + " \(i + 1)")] }
            let leftItems = zip(Identifier.uniqueSlugs(lefts.map(\.plainText)), lefts).map {
                AnswerItem(id: $0, content: $1)
            }
            let rightItems = zip(Identifier.uniqueSlugs(rights.map(\.plainText)), rights).map {
                AnswerItem(id: $0, content: $1)
            }
            return .matching(
                MatchingKey(
                    pairs: zip(leftItems, rightItems).map { MatchPair(left: $0, right: $1) },
                    distractors: Array(rightItems.dropFirst(n)), scoring: chance(2) ? .partial : .allOrNothing))
        }
    }

    mutating func course() -> Course {
        var questionNumber = 0
        let lessons = (0..<int(1...3)).map { l -> Lesson in
            let steps = (0..<int(0...2)).map { s in Step(id: "buoc-\(s + 1)", title: text(1...4), blocks: blocks()) }
            let questions = (0..<int(1...5)).map { _ -> Question in
                questionNumber += 1
                return Question(
                    id: "cau-\(questionNumber)", prompt: inlines(), body: chance(3) ? paragraph() : [],
                    points: int(1...3), shuffle: !chance(4), answer: answer(),
                    hints: (0..<int(0...2)).map { _ in paragraph() }, explanation: chance(2) ? blocks() : [])
            }
            return Lesson(
                id: "bai-\(l + 1)", title: text(1...4), tags: chance(2) ? ["an-toan", "bai-\(l + 1)"] : [],
                steps: steps,
                quiz: Quiz(title: "Câu hỏi", questions: questions, mastery: .passMark(0.8)))
        }
        return Course(
            id: "nhap-thu", version: 1, title: "Nhập thử", language: "vi",
            description: "Câu hỏi nhập từ ngân hàng câu hỏi Moodle.", lessons: lessons)
    }
}
