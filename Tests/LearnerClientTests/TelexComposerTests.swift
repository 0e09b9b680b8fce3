import Foundation
import Testing

@testable import LearnerClient

/// Telex as learners type it: every row is keystrokes → text.
struct TelexComposerTests {
    @Test(arguments: [
        ("tooi ddi", "tôi đi"),
        ("vieejt", "việt"),
        ("vieetj", "việt"),
        ("hoaf", "hòa"),
        ("hoafn", "hoàn"),
        ("Ddaaf", "Đầ"),
        ("w", "ư"),
        ("nhw", "như"),
        ("ass", "as"),
        ("aaa", "aa"),
        ("ddd", "dd"),
        ("ww", "w"),
        ("dduwowngf", "đường"),
        ("nguoiwf", "người"),
        ("truwowngf", "trường"),
        ("muaw", "mưa"),
        ("hoawcj", "hoặc"),
        ("quas", "quá"),
        ("gif", "gì"),
        ("giuwax", "giữa"),
        ("tieengs Vieetj", "tiếng Việt"),
        ("khoong", "không"),
        ("mootj", "một"),
        ("hais", "hái"),
        ("thuyr", "thủy"),
        ("xoays", "xoáy"),
        ("asz", "a"),
        ("ms", "ms"),
        ("2,5", "2,5"),
        ("OTP", "OTP"),
        ("DDOONGF", "ĐỒNG"),
    ])
    func telex(keys: String, expected: String) {
        let out = TelexComposer().compose(keys)
        #expect(out == expected)
        #expect(out == out.precomposedStringWithCanonicalMapping, "output is NFC")
    }

    @Test(arguments: [("hoaf", "hoà"), ("thuys", "thuý"), ("hoafn", "hoàn"), ("maif", "mài")])
    func modernTonePlacement(keys: String, expected: String) {
        #expect(TelexComposer(modernTones: true).compose(keys) == expected)
    }

    @Test func continuesAWordTypedInNFD() {
        let nfd = "vie\u{302}"
        #expect(TelexComposer().apply("j", to: nfd) == "việ")
    }
}

/// VNI: digits after letters are marks; other digits stay digits.
struct VNIComposerTests {
    @Test(arguments: [
        ("vie65t", "việt"),
        ("vie6t5", "việt"),
        ("d9", "đ"),
        ("D9i", "Đi"),
        ("to6i d9i", "tôi đi"),
        ("hoa2", "hòa"),
        ("a11", "a1"),
        ("a66", "a6"),
        ("d99", "d9"),
        ("nguo72i", "người"),
        ("a8", "ă"),
        ("u7", "ư"),
        ("2,5", "2,5"),
        ("10", "10"),
        ("a10", "a"),
    ])
    func vni(keys: String, expected: String) {
        #expect(VNIComposer().compose(keys) == expected)
    }
}
