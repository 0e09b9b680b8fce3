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

/// The text field as learners meet it: Telex on by default, English words left alone (the keys
/// restored as the common Vietnamese input methods do), Vietnamese still composed.
struct TelexFieldTests {
    func typed(_ keys: String, _ method: InputMethod = .telex) -> TextField {
        var field = TextField(method: method)
        field.type(line: keys)
        return field
    }

    @Test(arguments: [
        "OTP", "Zalo", "password", "deepfake", "Wi-Fi", "WiFi", "wifi", "email", "app", "Facebook", "Google",
        "Internet", "smartphone", "website", "Messenger", "VNeID", "QR", "YouTube", "iPhone", "online", "link",
        "mật khẩu password",
    ])
    func englishWordsAreKeptWithTelexOn(word: String) {
        #expect(typed(word).text == word)
    }

    @Test(arguments: [
        ("tooi ddi", "tôi đi"), ("Vieetj Nam", "Việt Nam"), ("maajt khaaur", "mật khẩu"),
        ("nguoiwf", "người"), ("dduwowngf", "đường"), ("tieengs Vieetj", "tiếng Việt"), ("khoong", "không"),
        ("giuwax", "giữa"), ("quas", "quá"), ("hoawcj", "hoặc"), ("thuyr", "thủy"), ("xoays", "xoáy"),
        ("Ddaaf", "Đầ"), ("DDOONGF", "ĐỒNG"), ("w", "ư"), ("nhw", "như"), ("muaw", "mưa"), ("gif", "gì"),
        ("baof maatj", "bào mật"), ("ddieenj thoaij", "điện thoại"), ("ngaan hangf", "ngân hàng"),
    ])
    func vietnameseStillComposes(keys: String, expected: String) {
        #expect(typed(keys).text == expected)
    }

    @Test func theRawKeysAreKeptBesideTheText() {
        let field = typed("Vieetj Nam")
        #expect(field.text == "Việt Nam")
        #expect(field.keys == "Vieetj Nam")
    }

    @Test func backspaceThenTypingComposesAgain() {
        var field = typed("vieet")
        field.deleteBackward()
        field.type(line: "tj")
        #expect(field.text == "việt")
        var english = typed("passwor")
        english.deleteBackward()
        english.type(line: "rd")
        #expect(english.text == "password")
    }

    @Test func aLongRunOfLettersStaysAsTyped() {
        let run = String(repeating: "aaaf", count: 100)
        #expect(typed(run).text == run)
    }

    @Test func theFieldHoldsAtMostTwoThousandCharacters() {
        var field = TextField(method: .telex)
        let fitted = field.type(line: String(repeating: "ab ", count: 700))
        #expect(!fitted)
        #expect(field.count == TextField.limit)
        let taken = field.type("x")
        #expect(!taken)
        field.deleteBackward()
        let takenAgain = field.type("x")
        #expect(takenAgain)
    }

    @Test func typingTwoThousandCharactersTakesLinearTime() {
        // 2,000 characters in one word and in many: each key costs the same whatever came before.
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for text in [String(repeating: "a", count: 1_999), String(repeating: "tieengs ", count: 249)] {
                var field = TextField(method: .telex)
                field.type(line: text)
            }
        }
        #expect(elapsed < .seconds(2), "typing took \(elapsed)")
    }

    @Test(arguments: [("Vie65t Nam", "Việt Nam"), ("COVID19", "COVID19"), ("mp3", "mp3")])
    func vniLeavesNonVietnameseAlone(keys: String, expected: String) {
        #expect(typed(keys, .vni).text == expected)
    }
}

/// Whether a word could be Vietnamese while it is typed.
struct VietnameseSpellingTests {
    @Test(arguments: [
        "tiê", "tiếng", "người", "đươ", "gì", "giữa", "quý", "khuya", "nghiêng", "ư", "ừ", "thuở", "xoong",
    ])
    func vietnameseSyllablesAndTheirStartsArePlausible(word: String) {
        #expect(VietnameseSpelling.isPlausible(word))
    }

    @Test(arguments: ["dềp", "pas", "Ưi", "ỉnte", "smả", "Gôg", "mes", "fã", "ưe"])
    func wordsNoSyllableStartsWithAreNot(word: String) {
        #expect(!VietnameseSpelling.isPlausible(word))
    }
}
