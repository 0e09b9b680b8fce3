import CourseInterchange
import CourseModel
import Foundation
import Testing

/// Vietnamese GIFT written by the team: UTF-8 in NFC or NFD, answers typed with either tone
/// placement, `đ` without its stroke under `match: khong-dau`: the matching rules survive import.
@Suite("Vietnamese GIFT")
struct VietnameseGiftTests {
    static let file = Fixtures.own.appendingPathComponent("tieng-viet.gift")

    /// The fixture as written (NFC), and decomposed (NFD) as some editors save it.
    static let forms: [String] = ["NFC", "NFD"]

    static func data(_ form: String) throws -> Data {
        let text = try String(contentsOf: file, encoding: .utf8)
        return Data((form == "NFD" ? text.decomposedStringWithCanonicalMapping : text).utf8)
    }

    static func question(_ course: Course, _ id: String) throws -> Question {
        try #require(
            course.allQuestions.first { $0.id == id }, "no question '\(id)' in \(course.allQuestions.map(\.id))")
    }

    @Test("imports with every question and lesson", arguments: forms)
    func imports(form: String) throws {
        let (course, _, compiler) = try Fixtures.importAndCompile(try Self.data(form))
        #expect(compiler.isEmpty, "\(compiler.map(\.message))")
        let c = try #require(course)
        #expect(c.lessons.map(\.title) == ["Kỹ năng số cơ bản", "Tính toán"])
        #expect(c.lessons[0].tags == ["dinh-danh", "ung-dung"])
        #expect(c.allQuestions.count == 10)
        #expect(
            c.allQuestions.map(\.kind) == [
                .shortAnswer, .shortAnswer, .shortAnswer, .shortAnswer, .shortAnswer, .trueFalse, .multipleAnswer,
                .numeric, .matching, .singleChoice,
            ])
        // Ids from `[id:…]`, else from the name without diacritics.
        #expect(
            c.allQuestions.map(\.id).prefix(5) == ["ten-ung-dung-dinh-danh", "hoa-binh", "thuy", "hoa-giai", "duong"])
    }

    @Test("typed answers match in both tone placements and both normal forms", arguments: forms)
    func matchingRules(form: String) throws {
        let course = try #require(try Fixtures.importAndCompile(try Self.data(form)).course)
        let peace = try Self.question(course, "hoa-binh")
        for typed in ["hòa bình", "hoà bình", "HOÀ BÌNH", "hòa bình".decomposedStringWithCanonicalMapping] {
            #expect(peace.grade(.text(typed)).isCorrect, "'\(typed)'")
        }
        #expect(!peace.grade(.text("hoa binh")).isCorrect)
        let mediation = try Self.question(course, "hoa-giai")
        #expect(mediation.grade(.text("hòa giải")).isCorrect, "key in the new placement, typed in the old")
        #expect(mediation.grade(.text("hoà giải")).isCorrect)
        let water = try Self.question(course, "thuy")
        #expect(water.grade(.text("thuỷ")).isCorrect)
        #expect(water.grade(.text("thủy")).isCorrect)
        let road = try Self.question(course, "duong")
        #expect(road.grade(.text("duong")).isCorrect, "match: khong-dau folds đ to d")
        let app = try Self.question(course, "ten-ung-dung-dinh-danh")
        let zalo = app.grade(.text("zalo"))
        #expect(!zalo.isCorrect && zalo.matchedAnticipatedWrongAnswer)
        #expect(zalo.feedback.plainText.contains("nhắn tin"))
    }

    @Test("weights, numbers, true/false feedback and the blank survive", arguments: forms)
    func kinds(form: String) throws {
        let course = try #require(try Fixtures.importAndCompile(try Self.data(form)).course)
        let signs = try Self.question(course, "dau-hieu")
        guard case .multipleAnswer(let options, let scoring) = signs.answer else {
            Issue.record("kind")
            return
        }
        #expect(scoring == .partial)
        #expect(options.filter(\.isCorrect).count == 2)
        #expect(signs.explanation.plainText == "Hãy tự kiểm tra qua kênh chính thức.")
        let otp = try Self.question(course, "ma-otp")
        #expect(otp.grade(.choice("sai")).isCorrect)
        #expect(otp.grade(.choice("dung")).feedback.plainText == "Không bao giờ đọc mã OTP cho bất kỳ ai.")
        let fee = try Self.question(course, "phi")
        for typed in ["2,5", "2.5", "2,53"] { #expect(fee.grade(.text(typed)).isCorrect, "'\(typed)'") }
        #expect(!fee.grade(.text("25")).isCorrect)
        let blank = try Self.question(course, "dien-tu")
        #expect(blank.prompt.plainText == "Mật khẩu _____ là mật khẩu an toàn.")
    }
}
