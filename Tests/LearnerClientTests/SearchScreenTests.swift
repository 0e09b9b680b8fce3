import CourseCompiler
import CourseModel
import Foundation
import LessonSearch
import Localization
import TerminalText
import TestSupport
import Testing

@testable import LearnerClient

/// The lesson search in the client, screen by screen: `/` on the course list, typing with or
/// without diacritics, Telex and VNI, Enter opens the step, Esc goes back.
struct SearchScreenTests {
    /// The lesson-search fixtures (`Tests/Fixtures/search/`), compiled.
    static let courses: [Course] = ["dinh-danh", "an-toan", "mat-khau-en"].map { id in
        let folder = Program.packageRoot.appendingPathComponent("Tests/Fixtures/search/\(id)")
        guard let course = CourseCompiler().compile(courseAt: folder).course else { preconditionFailure(id) }
        return course
    }

    static func searching(_ keys: [Key], language: Language = .vi) -> AppDriver {
        let driver = AppDriver.signedIn(courses, language: language)
        driver.press(.character("/"))
        driver.press(keys)
        return driver
    }

    func searchState(_ driver: AppDriver) -> SearchState? {
        if case .search(let state) = driver.app.screen { return state }
        return nil
    }

    @Test(
        "typed with or without diacritics, in Telex or VNI, the VNeID level-2 step is found first",
        arguments: [
            ("vneid muc 2", InputMethod.telex),
            ("mwcs 2", .telex),  // Telex on: the box shows `mức 2`
            ("mwcs 2", .off),  // Telex off: the keys are still read as Telex
            ("mu71c 2", .off),  // VNI keys
            ("Mức 2", .off),
            ("MUC 2", .telex),
        ])
    func findsLevelTwo(_ typed: String, _ method: InputMethod) throws {
        let driver = AppDriver.signedIn(Self.courses)
        driver.press(.character("/"))
        if case .search(var state) = driver.app.screen {
            state.field.method = method
            driver.app.screen = .search(state)
        }
        driver.press(typing(typed))
        let state = try #require(searchState(driver))
        #expect(state.results.first?.stepID == "muc-1-va-muc-2", "\(state.results.map(\.stepID))")
        #expect(driver.flat.contains("Định danh điện tử VNeID › Định danh điện tử mức 2 › Mức 1 và mức 2"))
    }

    @Test("Enter opens the lesson at the step found; Esc from the box returns to the course list")
    func enterOpensTheStep() throws {
        let driver = Self.searching(typing("dang ky muc"))
        driver.press(.enter)
        guard case .reading(let reading) = driver.app.screen else {
            Issue.record("not reading: \(driver.screenText)")
            return
        }
        #expect(reading.lesson.id == "muc-2")
        #expect(reading.index == 1)
        #expect(driver.flat.contains("Đăng ký mức 2 ở đâu?"))
        #expect(driver.backend.events.last?.kind == .lessonOpened)

        let back = Self.searching(typing("otp"))
        back.press(.escape)
        guard case .courses = back.app.screen else {
            Issue.record("Esc did not return to the course list: \(back.screenText)")
            return
        }
    }

    @Test("↓ chooses the next result, which Enter opens")
    func downChoosesNext() throws {
        let driver = Self.searching(typing("muc 2"))
        let second = try #require(searchState(driver)?.results.dropFirst().first)
        driver.press([.down, .enter])
        guard case .reading(let reading) = driver.app.screen else {
            Issue.record("not reading: \(driver.screenText)")
            return
        }
        #expect(reading.lesson.steps[reading.index].id == second.stepID)
    }

    @Test("a query with no result says so in the learner's language, naming what was typed")
    func noResult() {
        let vi = Self.searching(typing("xyzzy"))
        #expect(vi.flat.contains("Không tìm thấy bài nào có “xyzzy”."))
        #expect(vi.flat.contains("0 kết quả"))
        let en = Self.searching(typing("xyzzy"), language: .en)
        #expect(en.flat.contains("No lesson has “xyzzy”."))
    }

    @Test("an empty box explains what to type; the course list's key bar names /")
    func emptyBoxHint() {
        let driver = AppDriver.signedIn(Self.courses)
        #expect(driver.frame.last?.contains("/ Tìm bài") == true, "\(driver.frame.last ?? "")")
        driver.press(.character("/"))
        #expect(driver.flat.contains("Gõ điều bạn muốn học, có dấu hay không dấu đều được"))
    }

    @Test("without colour the matched words are marked with brackets, and every line fits the width")
    func highlightWithoutColour() {
        let driver = Self.searching(typing("ma otp"))
        #expect(driver.flat.contains("Không bao giờ đọc [mã] [OTP] cho người khác"), "\(driver.screenText)")
        let narrow = AppDriver.signedIn(Self.courses, width: 40, height: 15)
        narrow.press(.character("/"))
        narrow.press(typing("vneid muc 2"))
        for line in narrow.frame { #expect(TerminalWidth.of(line) <= 40, "\(line)") }
    }

    @Test("line mode: the line searches, a result's number opens it, an empty line goes back")
    func lineMode() {
        let driver = AppDriver(backend: InMemoryBackend(courses: Self.courses), usesKeys: false)
        driver.line("demo")
        driver.line("/")
        driver.line("duong link")
        #expect(driver.app.transcript(width: 80).joined(separator: "\n").contains("1. An toàn trên mạng"))
        driver.line("1")
        guard case .reading(let reading) = driver.app.screen else {
            Issue.record("not reading: \(driver.app.transcript(width: 80))")
            return
        }
        #expect(reading.lesson.steps[reading.index].id == "duong-link-gia")
        let back = AppDriver(backend: InMemoryBackend(courses: Self.courses), usesKeys: false)
        back.line("demo")
        back.line("/")
        back.line("")
        guard case .courses = back.app.screen else {
            Issue.record("an empty line did not go back")
            return
        }
    }

    @Test("a step in a lesson still locked by the course's order opens the lesson list, saying why")
    func lockedLesson() throws {
        let folder = Program.packageRoot.appendingPathComponent("Tests/Fixtures/search/dinh-danh")
        var files: [String: Data] = [:]
        for name in ["course.yaml", "01-muc-2.md", "02-dich-vu.md"] {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        files["course.yaml"]! += Data("order: sequential\n".utf8)
        let sequential = Samples.compile(files, id: "dinh-danh")
        let driver = AppDriver.signedIn([sequential])
        driver.press(.character("/"))
        driver.press(typing("nop ho so"))
        driver.press(.enter)
        guard case .lessons(let state) = driver.app.screen else {
            Issue.record("not the lesson list: \(driver.screenText)")
            return
        }
        #expect(state.cursor == 1)
        #expect(state.notice != nil)
    }

    @Test(
        "the readings searched: as shown, as typed, and the keys as Telex and VNI",
        arguments: [
            ("mức 2", "mwcs 2", ["mức 2", "mwcs 2"]),
            ("mu71c 2", "mu71c 2", ["mu71c 2", "mức 2"]),
            ("vneid", "vneid", ["vneid"]),
            ("password", "password", ["password"]),
        ])
    func readings(_ shown: String, _ keys: String, _ expected: [String]) {
        #expect(SearchQueries.readings(shown: shown, keys: keys) == expected)
    }
}
