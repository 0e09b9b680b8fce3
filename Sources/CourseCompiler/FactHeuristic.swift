import Foundation

/// Finds what looks like a time-sensitive fact in a sentence: phone numbers and hotlines, web
/// addresses, amounts of money and percentages, legal references.
///
/// It is a heuristic, tuned on the real courses: `course check` warns about what it finds in a
/// paragraph that carries neither a `fact:` nor a `not-a-fact:` marker. Text in quotation marks
/// is left alone, because in lessons it is what someone else says (a scam message, a button's
/// label), not a claim the lesson makes; e-mail addresses and bare endings such as `.gov.vn` are
/// not web addresses.
public enum FactHeuristic {
    /// What kind of fact a candidate looks like.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// `113`, `1900 9068`, `gửi 5656`, `0912 345 678`.
        case phone
        /// `dichvucong.gov.vn`, `https://…`.
        case webAddress = "web-address"
        /// `50.000 đồng`, `2 triệu`, `1,5 %`.
        case money
        /// `Nghị định 117/2025/NĐ-CP`, `Luật Thương mại điện tử`, `Thông tư 77/2025`.
        case legalReference = "legal-reference"
    }

    /// One thing that looks like a fact.
    public struct Candidate: Sendable, Equatable {
        /// What it looks like.
        public var kind: Kind
        /// The text as written.
        public var text: String

        /// Makes a candidate.
        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// Every candidate in `text`, in order, quoted passages left out.
    public static func candidates(in text: String) -> [Candidate] {
        candidates(in: text, skippingHopeless: true)
    }

    /// `candidates(in:)`, optionally without passing over the patterns `text` cannot match (the
    /// tests compare both ways).
    static func candidates(in text: String, skippingHopeless: Bool) -> [Candidate] {
        let unquoted = withoutQuotations(text)
        let range = NSRange(unquoted.startIndex..., in: unquoted)
        let hasDigit = unquoted.unicodeScalars.contains(where: isDecimalDigit)
        var found: [(location: Int, candidate: Candidate)] = []
        var taken: [NSRange] = []
        for (kind, needs, pattern) in patterns {
            // Most sentences hold no digit and no dot, and ICU tries each pattern at every
            // position: passing over the patterns a sentence cannot match is most of the saving.
            if skippingHopeless {
                switch needs {
                case .digit: if !hasDigit { continue }
                case .text(let literal): if !containsCodeUnits(unquoted, literal) { continue }
                }
            }
            for match in pattern.matches(in: unquoted, range: range) {
                let group = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? 1 : 0
                let r = match.range(at: group)
                // The first pattern to claim a stretch of text wins: `1900 9068` is a phone number,
                // not also an amount.
                guard !taken.contains(where: { NSIntersectionRange($0, r).length > 0 }),
                    let swiftRange = Range(r, in: unquoted)
                else { continue }
                let matched = String(unquoted[swiftRange])
                // `site:gov.vn`, "the ending .gov.vn": a suffix names no site.
                if kind == .webAddress, publicSuffixes.contains(matched.lowercased()) { continue }
                taken.append(r)
                found.append((r.location, Candidate(kind, matched)))
            }
        }
        return found.sorted { $0.location < $1.location }.map(\.candidate)
    }

    /// Whether ICU's `\d` matches `scalar`: an ASCII digit, or a Unicode decimal digit outside the
    /// Latin letters and marks Vietnamese is written with (looked up only there, since it is slow).
    private static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39: return true
        case 0..<0x80, 0xA0...0x036F, 0x1E00...0x1EFF: return false
        default: return scalar.properties.numericType == .decimal
        }
    }

    /// Whether `literal`'s bytes occur in `text`'s, with no Unicode equivalence (as ICU matches).
    /// libc's `memchr` finds each candidate first byte and `memcmp` compares the rest: the
    /// standard library's generic `firstRange(of:)` was a quarter of a large course's build
    /// (docs/benchmarks.md).
    static func containsCodeUnits(_ text: String, _ literal: String) -> Bool {
        var text = text
        var literal = literal
        return text.withUTF8 { haystack in
            literal.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard haystack.count >= needle.count, let base = haystack.baseAddress else { return false }
                let lastStart = haystack.count - needle.count
                var start = 0
                while start <= lastStart {
                    guard let hit = memchr(base + start, Int32(first), lastStart - start + 1) else { return false }
                    if memcmp(hit, needle.baseAddress!, needle.count) == 0 { return true }
                    start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                }
                return false
            }
        }
    }

    /// Whether an answer item's whole text is a short number someone would dial (`156`, `5656`).
    public static func isShortCode(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return (3...5).contains(trimmed.count) && trimmed.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `text` with every passage in straight or curly double quotes blanked out (same length, so
    /// nothing else moves).
    static func withoutQuotations(_ text: String) -> String {
        // Most sentences quote nothing: look for `"` and for 0xE2, the first byte of both curly
        // quotes (and of other punctuation, which then takes the full walk).
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0xE2 }) else { return text }
        var out = ""
        var inQuote = false
        for character in text {
            switch character {
            case "\"":
                inQuote.toggle()
                out.append(" ")
            case "“":
                inQuote = true
                out.append(" ")
            case "”":
                inQuote = false
                out.append(" ")
            default:
                out.append(inQuote ? " " : character)
            }
        }
        // An unbalanced quote hides nothing: better a warning too many than a fact missed.
        return inQuote ? text : out
    }

    /// Endings shared by many sites; alone they are no address.
    private static let publicSuffixes: Set<String> = [
        "gov.vn", "com.vn", "edu.vn", "org.vn", "net.vn", "ac.vn", "health.vn", "int.vn", "info.vn",
    ]

    private static let moneyUnit = #"(?:đồng|VNĐ|VND|nghìn|ngàn|triệu|tỷ|tỉ|đ)(?!\p{L})"#

    /// What a pattern cannot match without: a decimal digit (`\d` is any Unicode digit), or a
    /// piece of literal text, looked for code unit by code unit as ICU matches it.
    enum Requirement {
        case digit
        case text(String)
    }

    /// In priority order: an earlier kind claims its text first.
    private static let patterns: [(Kind, Requirement, NSRegularExpression)] = [
        (
            .legalReference, .digit,
            regex(
                #"\b(?:Nghị định|Thông tư|Quyết định|Nghị quyết|Chỉ thị)\s+(?:số\s+)?\d+(?:/[\w-]+)*"#,
                caseInsensitive: false)
        ),
        (.legalReference, .text("Luật"), regex(#"\bLuật\s+\p{Lu}\p{L}*(?:\s+\p{Ll}+){0,4}"#, caseInsensitive: false)),
        (.legalReference, .digit, regex(#"\b\d+/\d{4}/(?:QH\d+|[A-ZĐ]+(?:-[A-ZĐ]+)+)"#, caseInsensitive: false)),
        (.webAddress, .text("://"), regex(#"https?://[^\s)>\]]*[^\s)>\].,;:!?]"#)),
        (
            .webAddress, .text("."),
            regex(
                #"(?<![\w.@/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:vn|com|net|org|gov|edu|info|io|me|top|xyz|asia|app|online|site|cc|link)\b(?![.@-]?\w)"#
            )
        ),
        (.phone, .digit, regex(#"(?<![\d.,])1[89]00(?:[ .]?\d){4,6}(?![\d.,]*\s*\#(moneyUnit))\b"#)),
        (.phone, .digit, regex(#"(?<![\d.,])0\d{2,3}(?:[ .]?\d){6,8}\b"#)),
        (.phone, .digit, regex(#"(?<![\w.,/-])(11[1-9])(?![\d/]|[.,]\d)(?!\s*(?:\#(moneyUnit)|%))"#)),
        (
            .phone, .digit,
            regex(
                #"(?:gọi|gọi ngay|gọi tới|gọi đến|tổng đài|đầu số|đường dây nóng|hotline|gửi|gửi tới|gửi đến|nhắn|nhắn tới|nhắn đến|số)\s+(\d{3,5})(?!\d|[.,]\d)(?!\s*(?:\#(moneyUnit)|%|chữ số|số|ký tự|lần|người|ngày|tháng|năm|phút|giờ))"#
            )
        ),
        (.money, .digit, regex(#"(?<![\d.,])\d(?:[\d.,]*\d)?\s*\#(moneyUnit)(?!\p{L})"#, caseInsensitive: false)),
        (.money, .digit, regex(#"(?<![\d.,])\d+(?:[.,]\d+)?\s?%"#)),
    ]

    private static func regex(_ pattern: String, caseInsensitive: Bool = true) -> NSRegularExpression {
        // The patterns are constants of this file; a typo is caught by the tests on first use.
        try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }
}
