import Foundation
import Testing

@testable import CourseModel

@Suite("Compact course JSON: ids derived from text, bare strings, version 1 still read")
struct CompactIDCodingTests {
    private func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    private func options(_ texts: [String], ids: [String]? = nil) -> [ChoiceOption] {
        let ids = ids ?? Identifier.uniqueSlugs(texts)
        return zip(ids, texts).enumerated().map { ChoiceOption(id: $1.0, content: [.text($1.1)], isCorrect: $0 == 0) }
    }

    // The derivation is part of the compiled format: these ids are read back from packs already
    // built, so a change here must fail this test, and needs a new format version instead.
    @Test("the frozen derivation gives the compiler's ids for Vietnamese and ASCII text")
    func frozenDerivation() {
        let texts = [
            "Đường dây nóng 113", "Gọi lại ngay!", "Gọi lại ngay?", "", "ỦY BAN NHÂN DÂN xã",
            "Khuôn mặt, vân tay & mã OTP",
            "Một câu trả lời rất dài vượt quá giới hạn bốn mươi ký tự của mã", "a--b", "  ", "ữỰỹ Ỵ",
        ]
        let derived = DerivedID.ids(for: texts)
        #expect(derived == Identifier.uniqueSlugs(texts).map { Optional($0) })
        #expect(
            derived == [
                "duong-day-nong-113", "goi-lai-ngay", "goi-lai-ngay-2", "item-4", "uy-ban-nhan-dan-xa",
                "khuon-mat-van-tay-ma-otp",
                "mot-cau-tra-loi-rat-dai-vuot-qua-gioi-ha", "a-b", "item-9", "uuy-y",
            ])
        // Outside ASCII and the Vietnamese letters nothing is derived, so such ids are always written.
        #expect(DerivedID.ids(for: ["Café — ok", "日本", "e\u{301}"]) == [nil, nil, nil])
    }

    @Test("the letter table gives every scalar the base the written-out letters give it")
    func letterTableMatchesTheLetters() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(
                DerivedID.vietnameseBase(scalar) == DerivedID.vietnameseBases[scalar], "U+\(String(value, radix: 16))")
        }
        #expect(DerivedID.vietnameseBases.count == 134)
    }

    @Test("options leave out ids their text gives back, and keep the others")
    func optionIDs() throws {
        let key = AnswerKey.singleChoice(
            options(["Đúng rồi", "Sai", "Café — ok"], ids: ["dung-roi", "khac-han", "cafe-ok"]))
        let text = try encode(key)
        #expect(
            text
                == #"{"kind":"single-choice","options":[{"c":["Đúng rồi"],"ok":true},{"c":["Sai"],"id":"khac-han"},{"c":["Café — ok"],"id":"cafe-ok"}]}"#
        )
        #expect(try decode(AnswerKey.self, text) == key)
    }

    @Test("ids survive reordering: they come from each option's text, not its place")
    func reorderedOptions() throws {
        let texts = ["Gọi công an", "Chuyển tiền ngay", "Hỏi người thân"]
        let original = options(texts)
        let reordered = [original[2], original[0], original[1]]
        let decoded = try decode(AnswerKey.self, try encode(AnswerKey.multipleAnswer(reordered, scoring: .partial)))
        #expect(decoded.options.map(\.id) == ["hoi-nguoi-than", "goi-cong-an", "chuyen-tien-ngay"])
    }

    @Test("ordering and matching items round-trip with derived ids")
    func items() throws {
        let ordering = AnswerKey.ordering(
            Identifier.uniqueSlugs(["Bước một", "Bước hai"]).enumerated().map {
                AnswerItem(id: $1, content: [.text(["Bước một", "Bước hai"][$0])])
            })
        #expect(try encode(ordering) == #"{"items":[{"c":["Bước một"]},{"c":["Bước hai"]}],"kind":"ordering"}"#)
        #expect(try decode(AnswerKey.self, try encode(ordering)) == ordering)

        let lefts = Identifier.uniqueSlugs(["OTP", "VNeID"])
        let rights = Identifier.uniqueSlugs(["mã một lần", "định danh", "mã một lần"])
        let item = { (id: String, text: String) in AnswerItem(id: id, content: [.text(text)]) }
        let matching = AnswerKey.matching(
            MatchingKey(
                pairs: [
                    MatchPair(left: item(lefts[0], "OTP"), right: item(rights[0], "mã một lần")),
                    MatchPair(left: item(lefts[1], "VNeID"), right: item(rights[1], "định danh")),
                ],
                distractors: [item(rights[2], "mã một lần")], scoring: .partial))
        let text = try encode(matching)
        #expect(!text.contains(#""id""#))
        #expect(try decode(AnswerKey.self, text) == matching)
    }

    @Test("compiled-format version 1 (ids written, tagged text patterns) still decodes")
    func version1() throws {
        let old =
            #"{"kind":"single-choice","options":[{"c":["A"],"id":"a","ok":true},{"c":["B"],"fb":[{"p":["Không"]}],"id":"b"}]}"#
        #expect(
            try decode(AnswerKey.self, old)
                == .singleChoice([
                    ChoiceOption(id: "a", content: [.text("A")], isCorrect: true),
                    ChoiceOption(
                        id: "b", content: [.text("B")], isCorrect: false, feedback: [.paragraph([.text("Không")])]),
                ]))
        let short =
            #"{"kind":"short-answer","short":{"accepted":[{"text":{"_0":"xã"}},{"regex":{"_0":"^a+$"}}],"rule":"khong-dau"}}"#
        let key = AnswerKey.shortAnswer(
            ShortAnswerKey(accepted: [.text("xã"), .regex("^a+$")], rule: .ignoreDiacritics))
        #expect(try decode(AnswerKey.self, short) == key)
        #expect(
            try encode(key)
                == #"{"kind":"short-answer","short":{"accepted":["xã",{"regex":"^a+$"}],"rule":"khong-dau"}}"#)
    }

    @Test("a paragraph of plain text alone is a bare string; richer blocks keep their form")
    func paragraphs() throws {
        let blocks: [Block] = [
            .paragraph([.text("Một câu.")]), .paragraph([.text("a"), .strong([.text("b")])]), .paragraph([.code("x")]),
        ]
        let text = try encode(blocks)
        #expect(text == #"["Một câu.",{"p":["a",{"strong":["b"]}]},{"p":[{"code":"x"}]}]"#)
        #expect(try decode([Block].self, text) == blocks)
    }

    @Test("an option with neither an id nor text that gives one is refused")
    func missingID() {
        #expect(throws: DecodingError.self) {
            try decode(AnswerKey.self, #"{"kind":"single-choice","options":[{"c":["日本"],"ok":true}]}"#)
        }
    }
}
