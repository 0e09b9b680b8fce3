import Localization
import Testing

@Suite struct LanguageTests {
    @Test(
        "the flag wins, then HOCSO_LANG, then the locale, else Vietnamese",
        arguments: [
            (flag: "en", env: ["HOCSO_LANG": "vi", "LANG": "vi_VN.UTF-8"], expected: Language.en),
            (flag: nil, env: ["HOCSO_LANG": "en", "LANG": "vi_VN.UTF-8"], expected: .en),
            (flag: nil, env: ["LANG": "en_GB.UTF-8"], expected: .en),
            (flag: nil, env: ["LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"], expected: .vi),
            (flag: nil, env: ["LC_MESSAGES": "en_US.UTF-8", "LANG": "vi_VN.UTF-8"], expected: .en),
            (flag: nil, env: ["LANG": "C.UTF-8"], expected: .vi),
            (flag: nil, env: [:], expected: .vi),
            (flag: "fr", env: ["LANG": "en_US.UTF-8"], expected: .en),
            (flag: nil, env: ["HOCSO_LANG": "", "LANG": "en_US"], expected: .en),
        ] as [(flag: String?, env: [String: String], expected: Language)])
    func resolution(flag: String?, env: [String: String], expected: Language) {
        #expect(Language.resolve(flag: flag, environment: env) == expected)
    }

    @Test func aPhraseIsSaidInTheLanguageAsked() {
        let phrase = Phrase(vi: "đã lưu", en: "saved") + .verbatim(": 3")
        #expect(phrase(.vi) == "đã lưu: 3")
        #expect(phrase.text(.en) == "saved: 3")
    }
}
