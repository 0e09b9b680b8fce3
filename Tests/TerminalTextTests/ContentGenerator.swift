import CourseModel
import QuizEngine

/// Random lesson content of every block and inline kind, with awkward text.
struct ContentGenerator {
    var random: SplitMix64  // QuizEngine's, so a failing case replays by seed
    let extraWords: [String]

    init(seed: UInt64, extraWords: [String] = []) {
        random = SplitMix64(state: seed)
        self.extraWords = extraWords
    }

    static let words = [
        "Học", "số", "điện", "thoại", "thông", "minh", "ngân", "hàng", "VNeID", "mã", "OTP", "lừa", "đảo",
        "Người cao tuổi".decomposedStringWithCanonicalMapping, "ệ", "e\u{323}\u{302}", "中文", "한국어", "😀", "👨‍👩‍👧",
        "🇻🇳", "❤️", "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma=1.0012",
        "Siêu-dài-không-có-khoảng-trắng-nào-để-ngắt-dòng-cả-đâu-nhé", "ＦＵＬＬＷＩＤＴＨ", "a\u{200D}b", "\u{FE0F}",
        "tab\there", "dòng\nmới", "\u{1B}[31mđỏ\u{1B}[0m", "10\u{A0}000\u{A0}đ", "  ", "x",
    ]

    mutating func word() -> String {
        if !extraWords.isEmpty && Int.random(in: 0..<4, using: &random) == 0 {
            return extraWords.randomElement(using: &random) ?? ""
        }
        return Self.words.randomElement(using: &random) ?? ""
    }

    mutating func text() -> String {
        (0..<Int.random(in: 1...12, using: &random)).map { _ in word() }.joined(separator: " ")
    }

    mutating func inlines(depth: Int = 0) -> [Inline] {
        (0..<Int.random(in: 1...6, using: &random)).map { _ in
            let kind = depth > 2 ? 0 : Int.random(in: 0...8, using: &random)
            switch kind {
            case 1: return .emphasis(inlines(depth: depth + 1))
            case 2: return .strong(inlines(depth: depth + 1))
            case 3: return .strikethrough(inlines(depth: depth + 1))
            case 4: return .code(text())
            case 5: return .link(destination: "https://" + word(), content: inlines(depth: depth + 1))
            case 6: return .image(source: "images/x.png", alt: text())
            case 7: return .lineBreak
            default: return .text(text())
            }
        }
    }

    mutating func blocks(depth: Int = 0) -> [Block] {
        // Fewer blocks deeper down keep the tree small: nesting is tested, not exponential growth.
        (0..<Int.random(in: 1...(depth == 0 ? 6 : 2), using: &random)).map { _ in block(depth: depth) }
    }

    mutating func block(depth: Int) -> Block {
        let kind = depth > 2 ? 1 : Int.random(in: 0...8, using: &random)
        switch kind {
        case 0: return .heading(level: Int.random(in: 1...6, using: &random), content: inlines())
        case 2:
            let start: Int? = Bool.random(using: &random) ? Int.random(in: 0...120, using: &random) : nil
            let items = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                ListItem(
                    blocks: blocks(depth: depth + 1), checked: [nil, true, false].randomElement(using: &random) ?? nil)
            }
            return .list(start: start, items: items)
        case 3: return .quote(blocks(depth: depth + 1))
        case 4: return .callout(CalloutKind.allCases.randomElement(using: &random) ?? .note, blocks(depth: depth + 1))
        case 5: return .code(language: nil, text: (0..<3).map { _ in text() }.joined(separator: "\n"))
        case 6:
            let columns = Int.random(in: 1...6, using: &random)
            let row = { (g: inout ContentGenerator) in
                (0..<Int.random(in: 0...columns, using: &g.random)).map { _ in g.inlines(depth: 2) }
            }
            return .table(
                Table(
                    alignments: (0..<columns).map { _ in
                        [TableAlignment.none, .left, .center, .right].randomElement(using: &random) ?? .none
                    },
                    header: (0..<columns).map { _ in inlines(depth: 2) },
                    rows: (0..<Int.random(in: 0...4, using: &random)).map { _ in row(&self) }))
        case 7: return .rule
        default: return .paragraph(inlines())
        }
    }
}
