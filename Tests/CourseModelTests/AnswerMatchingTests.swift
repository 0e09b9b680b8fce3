import Foundation
import Testing

@testable import CourseModel

@Suite("Vietnamese answer matching")
struct AnswerMatchingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let typed: String
        let key: String
        let rule: MatchRule
        let matches: Bool
        var testDescription: String { "\(typed) vs \(key) [\(rule.rawValue)] → \(matches)" }
    }

    static let cases: [Case] = [
        .init(typed: "hòa bình", key: "hoà bình", rule: .standard, matches: true),  // tone placement
        .init(typed: "HOÀ BÌNH", key: "hòa bình", rule: .standard, matches: true),  // case
        .init(typed: "  hòa   bình. ", key: "hòa bình", rule: .standard, matches: true),  // spacing, punctuation
        .init(typed: "hoa binh", key: "hòa bình", rule: .standard, matches: false),  // diacritics count by default
        .init(typed: "hoa binh", key: "hòa bình", rule: .ignoreDiacritics, matches: true),
        .init(typed: "duong", key: "Đường", rule: .ignoreDiacritics, matches: true),  // đ → d
        .init(typed: "dương", key: "đường", rule: .standard, matches: false),  // đ is its own letter
        .init(typed: "thuỷ", key: "thủy", rule: .standard, matches: true),
        .init(typed: "khoẻ", key: "khỏe", rule: .standard, matches: true),
        .init(typed: "mã OTP", key: "Mã otp", rule: .standard, matches: true),
        .init(typed: " Mã  OTP ", key: "Mã OTP", rule: .exact, matches: true),
        .init(typed: "mã otp", key: "mã OTP", rule: .exact, matches: false),
        .init(typed: "", key: "", rule: .standard, matches: false),  // an empty answer never matches
        .init(typed: "ma", key: "mà", rule: .standard, matches: false),
        .init(typed: "mạ", key: "mà", rule: .standard, matches: false),  // different tones stay different
    ]

    @Test(arguments: cases)
    func matching(_ c: Case) {
        #expect(TextPattern.text(c.key).matches(c.typed, rule: c.rule) == c.matches)
    }

    @Test func nfdAndNfcMatch() {
        let nfc = "Nguyễn Thị Đường"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        #expect(TextPattern.text(nfc).matches(nfd, rule: .standard))
        #expect(TextPattern.text(nfc).matches(nfd, rule: .exact))
    }

    /// Every Vietnamese line of Unicode's NormalizationTest: all five forms give the same match key.
    @Test func unicodeNormalizationTestLines() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(
                "Fixtures/unicode/unicode15-NormalizationTest-vietnamese-subset.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("@") {
            let columns = line.split(separator: ";").prefix(3).map { column in
                String(
                    String.UnicodeScalarView(
                        column.split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }))
            }
            guard columns.count == 3 else { continue }
            let keys = Set(columns.map { VietnameseText.matchKey($0, rule: .standard) })
            #expect(keys.count == 1, "\(line)")
            checked += 1
        }
        #expect(checked > 300)
    }

    @Test func regexAnswers() {
        #expect(TextPattern.regex("(mã )?otp").matches("Mã OTP", rule: .standard))
        #expect(TextPattern.regex("đường số \\d+").matches("duong so 5", rule: .ignoreDiacritics))
        #expect(!TextPattern.regex("[").matches("x", rule: .standard))  // a bad regex matches nothing, never traps
    }

    @Test func slugs() {
        #expect(Identifier.slug("Dấu hiệu lừa đảo!") == "dau-hieu-lua-dao")
        #expect(Identifier.slug("Đường đi") == "duong-di")
        #expect(Identifier.uniqueSlugs(["Có", "Có", "?"]) == ["co", "co-2", "item-3"])
        #expect(Identifier.isValid("an-toan-1"))
        #expect(!Identifier.isValid("An toàn"))
        #expect(!Identifier.isValid("a--b"))
    }
}

@Suite("Numbers with a decimal comma")
struct NumberTests {
    @Test(arguments: [
        ("2,5", [2.5]), ("2.5", [2.5]), ("50.000", [50.0, 50000.0]), ("1.000.000", [1_000_000.0]),
        ("1,000,000", [1_000_000.0]), ("1.234,5", [1234.5]), ("1,234.5", [1234.5]), ("-3", [-3.0]),
        ("5%", [5.0]), ("113", [113.0]), ("abc", []), ("", []), ("2,5,", []), ("1e9", []),
    ])
    func readings(text: String, expected: [Double]) {
        #expect(Numbers.readings(of: text) == expected)
    }

    @Test func keys() {
        #expect(Numbers.parseKey("2,5 ± 0,05") == .range(NumericRange(lower: 2.45, upper: 2.55, display: "2,5 ± 0,05")))
        #expect(Numbers.parseKey("[2,4; 2,6]") == .range(NumericRange(lower: 2.4, upper: 2.6, display: "[2,4; 2,6]")))
        #expect(Numbers.parseKey("[2.4, 2.6]") == .range(NumericRange(lower: 2.4, upper: 2.6, display: "[2.4, 2.6]")))
        if case .range(let r) = Numbers.parseKey("200 ± 5%") {
            #expect(r.lower == 190 && r.upper == 210)
        } else {
            Issue.record("no range")
        }
        #expect(Numbers.parseKey("113") == nil)
        if case .invalid = Numbers.parseKey("2,5 ± abc") {} else { Issue.record("expected invalid") }
        if case .invalid = Numbers.parseKey("[3; 1]") {} else { Issue.record("expected invalid") }
    }
}
