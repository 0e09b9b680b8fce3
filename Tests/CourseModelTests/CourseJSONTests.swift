import Foundation
import TestSupport
import Testing

@testable import CourseModel

/// `CourseJSON` reads lessons directly from the bytes, a faster second path beside `JSONDecoder`
/// that install needs (docs/benchmarks.md). These tests hold it to the plain path's verdict: on any
/// document it either gives up or gives exactly the course `JSONDecoder` gives.
@Suite("Course JSON: the direct lesson reader gives JSONDecoder's verdict")
struct CourseJSONTests {
    private static func canonical(_ course: Course) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(course)
    }

    /// Fails when the direct reader accepts a document `JSONDecoder` refuses, or reads it differently.
    private static func expectSameVerdict(
        _ data: Data, direct mustRead: Bool? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let plain = try? JSONDecoder().decode(Course.self, from: data)
        let direct = CourseJSON.decodeLessonsDirectly(data)
        if let direct {
            #expect(plain != nil, "the direct reader accepted what JSONDecoder refuses", sourceLocation: sourceLocation)
            let same = direct == plain  // compared apart, so a failure names the defect, not two whole courses
            #expect(same, "the direct reader read a different course", sourceLocation: sourceLocation)
        }
        if let mustRead {
            #expect((direct != nil) == mustRead, sourceLocation: sourceLocation)
        }
        let decoded = try? CourseJSON.decode(data)
        let sameAsPlain = decoded == plain
        #expect(sameAsPlain, "CourseJSON.decode differs from JSONDecoder", sourceLocation: sourceLocation)
    }

    /// A course with every block, inline, question kind, key field and mastery rule the model has.
    static let everyVariant: Course = {
        let inlines: [Inline] = [
            .text("Chữ thường, đ và \"ngoặc\" \\ / tab\tvà\ndòng"), .emphasis([.text("nghiêng")]),
            .strong([.text("đậm"), .code("x")]), .strikethrough([.text("gạch")]), .code("a < b"),
            .link(destination: "https://dichvucong.gov.vn/p/home", content: [.text("Cổng")]),
            .link(destination: "#", content: []), .image(source: "hinh/anh.png", alt: "Ảnh"),
            .image(source: "hinh/khong-alt.png", alt: ""), .lineBreak,
        ]
        let blocks: [Block] = [
            .heading(level: 3, content: inlines), .paragraph([.text("Một đoạn.")]), .paragraph(inlines),
            .list(start: nil, items: [ListItem(blocks: [.paragraph([.text("a")])])]),
            .list(
                start: 3,
                items: [
                    ListItem(blocks: [], checked: true), ListItem(blocks: [.paragraph([.text("b")])], checked: false),
                ]),
            .quote([.paragraph([.text("trích")]), .quote([.rule])]),
            .callout(.warning, [.paragraph([.strong([.text("Cẩn thận")])])]), .callout(.note, []),
            .code(language: "sh", text: "ls -la\n"), .code(language: nil, text: ""),
            .table(
                Table(
                    alignments: [.none, .left, .center, .right],
                    header: [[.text("A")], [], [.code("c")], [.text("D")]],
                    rows: [[[.text("1")], [], [.emphasis([.text("3")])], [.text("4")]]])), .rule,
        ]
        func options(_ texts: [String], ids: [String]? = nil) -> [ChoiceOption] {
            let ids = ids ?? Identifier.uniqueSlugs(texts)
            return zip(ids, texts).enumerated().map {
                ChoiceOption(
                    id: $1.0, content: [.text($1.1)], isCorrect: $0 == 0,
                    feedback: $0 == 1 ? [.paragraph([.text("Sai rồi.")])] : [])
            }
        }
        let questions: [Question] = [
            Question(
                id: "q-1", prompt: inlines, body: blocks, points: 2, shuffle: false,
                answer: .singleChoice(
                    options(["Gọi 113", "Chuyển tiền", "Café — ok"], ids: ["goi-113", "khac", "cafe"])),
                hints: [[.paragraph([.text("Gợi ý 1")])], [.paragraph([.emphasis([.text("Gợi ý 2")])])]],
                explanation: [.paragraph([.text("Vì vậy.")])]),
            Question(id: "q-2", prompt: [.text("Đúng hay sai?")], answer: .trueFalse(options(["Đúng", "Sai"]))),
            Question(
                id: "q-3", prompt: [.text("Chọn hết")],
                answer: .multipleAnswer(options(["Một", "Hai", "Ba"]), scoring: .partial)),
            Question(
                id: "q-4", prompt: [.text("Gõ")],
                answer: .shortAnswer(
                    ShortAnswerKey(
                        accepted: [.text("công an"), .regex("c[oô]ng an")],
                        acceptedFeedback: [[.paragraph([.text("Đúng.")])], []],
                        anticipated: [
                            AnticipatedAnswer(
                                pattern: .text("ngân hàng"), feedback: [.paragraph([.text("Không phải.")])])
                        ],
                        rule: .ignoreDiacritics))),
            Question(
                id: "q-5", prompt: [.text("Gõ lại")], answer: .shortAnswer(ShortAnswerKey(accepted: [.text("x")]))),
            Question(
                id: "q-6", prompt: [.text("Bao nhiêu?")],
                answer: .numeric(
                    NumericKey(
                        accepted: [NumericRange(lower: 2.45, upper: 2.55, display: "2,5 ± 0,05")],
                        anticipated: [
                            AnticipatedNumber(
                                range: NumericRange(lower: -1e-7, upper: 1e21, display: "x"), feedback: [])
                        ]))),
            Question(
                id: "q-7", prompt: [.text("Xếp")],
                answer: .ordering([
                    AnswerItem(id: "mo-may", content: [.text("Mở máy")]),
                    AnswerItem(id: "rieng", content: [.text("日本")]),
                ])),
            Question(
                id: "q-8", prompt: [.text("Nối")],
                answer: .matching(
                    MatchingKey(
                        pairs: [
                            MatchPair(
                                left: AnswerItem(id: "a", content: [.text("A")]),
                                right: AnswerItem(id: "mot", content: [.text("Một")]))
                        ], distractors: [AnswerItem(id: "hai", content: [.text("Hai")])], scoring: .partial))),
            Question(
                id: "q-9", prompt: [.text("Nối lại")],
                answer: .matching(
                    MatchingKey(
                        pairs: [
                            MatchPair(
                                left: AnswerItem(id: "x", content: [.text("X")]),
                                right: AnswerItem(id: "y", content: [.text("Y")]))
                        ]))),
        ]
        var range = NumericRange(lower: 0, upper: 1, display: "ngược")
        range.lower = 5  // written out of order: the synthesized decoding keeps it so
        let reversed = Question(id: "q-10", prompt: [.text("Số")], answer: .numeric(NumericKey(accepted: [range])))
        let lessons = [
            Lesson(
                id: "bai-1", title: "Bài một", durationMinutes: 15, isFinal: false, tags: ["an-toan"],
                competences: [Competence(code: "4.2")!], steps: [Step(id: "buoc-1", title: "Bước", blocks: blocks)],
                quiz: Quiz(
                    title: "Kiểm tra", introduction: [.paragraph([.text("Trả lời.")])],
                    questions: questions + [reversed], mastery: .passMark(0.8))),
            Lesson(
                id: "bai-2", title: "Bài cuối", isFinal: true, steps: [],
                quiz: Quiz(title: "Cuối", questions: [questions[1]], mastery: .recent(m: 4, n: 5))),
            Lesson(id: "bai-3", title: "Chỉ đọc", steps: [Step(id: "s", title: "", blocks: [])], quiz: nil),
        ]
        return Course(
            id: "khoa-moi-thu", version: 7, title: "Mọi thứ", titleEnglish: "Everything", language: "vi",
            description: "Khoá để thử.", summaryEnglish: nil, audience: ["nông dân"], digcompAreas: [.safety],
            competences: [Competence(code: "4.2")!], sources: [Source(title: "Bộ", url: "https://mic.gov.vn")],
            tags: ["thu"], passMark: 0.75, lessons: lessons, assets: ["hinh/anh.png"],
            facts: [
                Fact(
                    id: "so-113", sources: ["https://mic.gov.vn"], checked: FactDate(year: 2026, month: 1, day: 2)!,
                    maxAgeMonths: 12,
                    places: [
                        FactPlace(
                            file: "bai-1.md", line: 3, column: 1, lesson: "bai-1", step: "buoc-1", question: nil,
                            text: "113")
                    ])
            ], lessonOrder: .sequential, selfCheck: SelfCheck(path: [.init(course: "khoa-a", questions: ["q-1"])]))
    }()

    @Test("every variant of the model comes back from the direct reader as JSONDecoder reads it")
    func everyVariantReadsTheSame() throws {
        let data = try Self.canonical(Self.everyVariant)
        let direct = try #require(CourseJSON.decodeLessonsDirectly(data))
        #expect(direct == (try JSONDecoder().decode(Course.self, from: data)))
        #expect(direct == Self.everyVariant)
        #expect(try CourseJSON.decode(data) == Self.everyVariant)
    }

    @Test("layouts JSONDecoder also reads — whitespace, escaped slashes and letters — read the same")
    func otherLayoutsReadTheSame() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        Self.expectSameVerdict(try encoder.encode(Self.everyVariant), direct: true)
        let text = String(decoding: try Self.canonical(Self.everyVariant), as: UTF8.self)
        Self.expectSameVerdict(Data(text.replacingOccurrences(of: "Bài", with: "B\\u00e0i").utf8), direct: true)
        Self.expectSameVerdict(Data(text.replacingOccurrences(of: "Mở", with: "M\\u1edf").utf8), direct: true)
    }

    /// Each edit makes the document non-canonical in one way; the direct reader must give up or agree.
    @Test(
        "documents outside the canonical form get JSONDecoder's verdict",
        arguments: [
            (#""points":2"#, #""points":2.0"#), (#""points":2"#, #""points":-0"#), (#""points":2"#, #""points":2e0"#),
            (#""points":2"#, #""points":null"#), (#""points":2"#, #""points":"2""#),
            (#""points":2"#, #""points":99999999999999999999"#), (#""shuffle":false"#, #""shuffle":0"#),
            (#""id":"q-2""#, #""id":"q-2","id":"q-3""#), (#""id":"q-2""#, #""id":"q-2","later":1"#),
            (#""mastery":{"recent""#, #""mastery":{"passMark":{"_0":1},"recent""#),
            (#""accepted":["x"]"#, #""accepted":[{"text":"x"}]"#),
            (#""accepted":["x"]"#, #""accepted":[{"text":{"_0":"x"}}]"#),
            (#""accepted":["x"]"#, #""accepted":[{"regex":"x","text":"y"}]"#),
            (#""hr":true"#, #""hr":false"#), (#""hr":true"#, #""hr":null"#), (#""br":true"#, #""br":1"#),
            (#"{"p":"#, #"{"start":1,"p":"#), (#"{"p":"#, #"{"hr":true,"p":"#),
            (#""kind":"true-false""#, #""kind":"yes-no""#),
            (#""kind":"true-false""#, #""kind":"true-false","scoring":"partial""#),
            (#""ok":true"#, #""ok":true,"fb":null"#), (#"["Đúng"]"#, #"["\ud83d\ude00"]"#),
            (#"["Đúng"]"#, #"["\ud800"]"#),
            (#""lessons":["#, #""lessons":null,"lessons":["#), (#""title":"Bài một""#, #""title":"Bài một\u0000""#),
            (#""title":"Bài một""#, "\"title\":\"B\u{1}i\""), (#""c":["Một"]"#, #""c":["Một"],"c":["Hai"]"#),
        ])
    func nonCanonicalDocuments(edit: (String, String)) throws {
        let text = String(decoding: try Self.canonical(Self.everyVariant), as: UTF8.self)
        try #require(text.contains(edit.0), "the edit must apply")
        Self.expectSameVerdict(Data(text.replacingOccurrences(of: edit.0, with: edit.1).utf8))
    }

    @Test("a document cut short anywhere gets JSONDecoder's verdict")
    func truncatedDocuments() throws {
        let data = try Self.canonical(Self.everyVariant)
        for end in stride(from: 0, to: data.count, by: 13) { Self.expectSameVerdict(data.prefix(end)) }
        Self.expectSameVerdict(data + Data(" x".utf8))
        Self.expectSameVerdict(Data([0xEF, 0xBB, 0xBF]) + data)
    }

    @Test("thousands of random byte edits never make the direct reader disagree with JSONDecoder")
    func randomEdits() throws {
        let original = [UInt8](try Self.canonical(Self.everyVariant))
        let significant = Array(#"{}[]",:\"0123456789-.eEtrufalsn "#.utf8) + [0x00, 0x0A, 0xC3, 0xFF]
        var generator = SeededRandom(seed: 20_261_205)
        var readByBoth = 0
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[at] = significant.randomElement(using: &generator)!
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(significant.randomElement(using: &generator)!, at: at)
                default:
                    let end = min(bytes.count, at + Int.random(in: 1...40, using: &generator))
                    bytes.insert(contentsOf: bytes[at..<end], at: at)
                }
            }
            let data = Data(bytes)
            Self.expectSameVerdict(data)
            if CourseJSON.decodeLessonsDirectly(data) != nil { readByBoth += 1 }
        }
        // Edits inside text leave a readable course: the comparison above must have had some to compare.
        #expect(readByBoth > 100)
    }

    @Test("nesting deeper than any course makes the direct reader give up, not overflow the stack")
    func deepNestingGivesUp() throws {
        let text = String(decoding: try Self.canonical(Self.everyVariant), as: UTF8.self)
        let deep = String(repeating: #"{"quote":["#, count: 20_000) + "\"x\"" + String(repeating: "]}", count: 20_000)
        let data = Data(text.replacingOccurrences(of: #""Một đoạn.""#, with: deep).utf8)
        #expect(CourseJSON.decodeLessonsDirectly(data) == nil)
        #expect(throws: (any Error).self) { try CourseJSON.decode(data) }
    }
}
