import Foundation
import LearnerEvents
import TerminalText
import TestSupport
import Testing

@testable import LearnerClient

/// The main screens at 80×24 without colour, compared with `Tests/Fixtures/client/*.txt`.
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter GoldenScreenTests` and review the diff.
struct GoldenScreenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/client")

    func check(_ name: String, _ driver: AppDriver, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let frame = driver.app.frame(width: 80, height: 24)
        #expect(frame.count == 24, sourceLocation: sourceLocation)
        #expect(frame.allSatisfy { TerminalWidth.of($0) <= 80 }, sourceLocation: sourceLocation)
        #expect(
            !frame.joined().contains("\u{1B}"), "no escape sequences without colour", sourceLocation: sourceLocation)
        let text =
            frame.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }.joined(
                separator: "\n") + "\n"
        Golden.check(text, against: Self.fixtures.appendingPathComponent("\(name).txt"), sourceLocation: sourceLocation)
    }

    @Test func mainScreens() throws {
        let driver = AppDriver(backend: InMemoryBackend(courses: [SampleCourse.course]))
        try check("01-sign-in", driver)
        driver.press(typing("DEMO") + [.enter])
        try check("02-course-list", driver)
        driver.press(.enter)
        try check("03-lesson-list", driver)
        driver.press([.enter, .enter])
        try check("04-reading-step", driver)
        driver.press(.enter)
        try check("05-quiz-intro", driver)
        driver.press(.enter)
        let names = [
            "single-choice", "true-false", "multiple-answer", "short-answer", "numeric", "ordering", "matching",
        ]
        for (index, name) in names.enumerated() {
            try check(String(format: "%02d-question-%@", 6 + index, name), driver)
            driver.press(index == 0 ? driver.wrongKeys() : driver.rightKeys())
            if index == 0 { try check("06b-feedback-wrong", driver) }
            driver.press(.enter)
        }
        try check("13-result", driver)
        driver.press(.character("p"))
        try check("14-progress", driver)
    }
}
