import CourseModel
import Foundation
import Testing

/// `JSONLiteral.string` writes what `JSONDecoder` reads back unchanged, with or without
/// characters to escape.
@Suite struct JSONLiteralTests {
    static let samples = [
        "", "Xã Tân Phú", "Đường 3/2", "an-toan-tren-mang", "say \"hi\"", "C:\\path", "line\nbreak",
        "tab\there", "\u{1B}[2J", "\u{7F}", "emoji 👩🏽‍🌾", "\u{2028}", "x\u{0}y",
    ]

    @Test(arguments: samples)
    func aLiteralReadsBackAsTheSameString(_ text: String) throws {
        let literal = JSONLiteral.string(text)
        let back = try JSONDecoder().decode([String].self, from: Data("[\(literal)]".utf8))
        #expect(back == [text])
        #expect(!literal.utf8.dropFirst().dropLast().contains { $0 < 0x20 }, "no raw control character inside")
    }
}
