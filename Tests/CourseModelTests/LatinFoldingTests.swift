import Foundation
import TestSupport
import Testing

@testable import CourseModel

/// `LatinFolding` is a faster second path for stripping diacritics; it must give the plain
/// path's answer on every input.
@Suite("Stripping diacritics: the Latin table against decomposing")
struct LatinFoldingTests {
    /// Every string from the Unicode normalisation test's Vietnamese lines, the naughty strings,
    /// and text a course holds.
    static func corpus() throws -> [String] {
        let fixtures = Program.packageRoot.appendingPathComponent("Tests/Fixtures")
        let normalisation = try String(
            contentsOf: fixtures.appendingPathComponent("unicode/unicode15-NormalizationTest-vietnamese-subset.txt"),
            encoding: .utf8)
        var strings: [String] = []
        for line in normalisation.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("@") {
            for column in line.split(separator: ";").prefix(5) {
                let scalars = column.split(separator: " ").compactMap {
                    UInt32($0, radix: 16).flatMap(Unicode.Scalar.init)
                }
                strings.append(String(String.UnicodeScalarView(scalars)))
            }
        }
        let naughty = try JSONDecoder().decode(
            [String].self, from: Data(contentsOf: fixtures.appendingPathComponent("terminal/blns.json")))
        return strings + naughty + [
            "Đường về nhà bà ngoại", "Nâng cấp VNeID lên Mức 2", "hoà bình, hòa bình", "ĐĂNG KÝ tài khoản",
            "Nguyễn Thị Ánh Tuyết", "e\u{301}\u{323}", "\u{300}đầu", "ǅemal Æsir ﬁ", "mã OTP: 123-456", "",
        ]
    }

    @Test func theLatinTableStripsLikeDecomposing() throws {
        for text in try Self.corpus() {
            #expect(
                VietnameseText.strippingDiacritics(text) == VietnameseText.strippingDiacriticsByDecomposing(text),
                "\(text.debugDescription)")
        }
    }

    @Test func everyCoveredScalarStripsLikeDecomposing() {
        for block in LatinFolding.coveredBlocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                // Alone, after an ASCII letter and before a combining mark: marks may reorder.
                for text in [String(scalar), "a\(scalar)\u{323}b", "\(scalar)\u{301}\u{300}"] {
                    #expect(
                        VietnameseText.strippingDiacritics(text)
                            == VietnameseText.strippingDiacriticsByDecomposing(text), "U+\(String(value, radix: 16))")
                }
            }
        }
    }

    @Test func vietnameseTextTakesTheTable() {
        // The table must cover every Vietnamese letter, or install falls back to the slow path.
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
        for text in [letters, letters.uppercased()] {
            #expect(LatinFolding.asciiFolded(text) != nil)
            #expect(LatinFolding.asciiFolded(VietnameseText.nfc(text).decomposedStringWithCanonicalMapping) != nil)
        }
        #expect(LatinFolding.asciiFolded("Đường") == "Duong")
        #expect(LatinFolding.asciiFolded("中文") == nil)
    }
}
