import CourseCompiler
import CourseModel
import Foundation
import Localization

/// `course`: the course compiler on a course folder made from the input.
///
/// The input is split at NUL bytes: the first part is `course.yaml`, the next (at most four) are
/// lessons `bai-1.md`, `bai-2.md`… (seeds are real courses whose course.yaml lists those names).
/// Every diagnostic must be worded in both languages and print; a course that compiles must
/// survive the JSON round trip a pack puts it through, through `JSONDecoder` and through the
/// direct lesson reader install uses.
final class CourseTarget: FuzzTarget {
    let name = "course"
    let folder = FuzzScratch.folder("course")
    /// A fixed day, so whether a fact is stale does not depend on when the fuzzer runs.
    let compiler = CourseCompiler(today: FactDate(year: 2026, month: 12, day: 3)!)
    static let maxLessons = 4

    func run(_ input: Data) {
        let parts = input.split(separator: 0, maxSplits: Self.maxLessons, omittingEmptySubsequences: false)
        let manifest = folder.appendingPathComponent("course.yaml")
        FuzzScratch.write(Data(parts.first ?? Data()), to: manifest)
        for index in 1...Self.maxLessons {
            let lesson = folder.appendingPathComponent("bai-\(index).md")
            if index < parts.count {
                FuzzScratch.write(Data(parts[index]), to: lesson)
            } else {
                try? FileManager.default.removeItem(at: lesson)
            }
        }
        let result = compiler.compile(courseAt: folder)
        for language in [Language.vi, .en] {
            let printer = DiagnosticPrinter(color: false, language: language)
            for diagnostic in result.diagnostics {
                FuzzCheck.phrase(diagnostic.message, name)
                if let hint = diagnostic.hint { FuzzCheck.phrase(hint, name) }
                _ = printer.format(diagnostic)
            }
        }
        if result.course == nil, !result.hasErrors {
            FuzzCheck.fail(name, "no course and no error")
        }
        if let course = result.course {
            roundTrip(course)
        }
    }

    /// A compiled course is written into packs as JSON and read back on install: it must come
    /// back equal, or a course that checks clean could not be installed.
    private func roundTrip(_ course: Course) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(course)
            let back = try JSONDecoder().decode(Course.self, from: data)
            if back != course { FuzzCheck.fail(name, "course \(course.id) changes through JSON") }
            // What the compiler writes is the canonical form: install must read it the fast way.
            if CourseJSON.decodeLessonsDirectly(data) != course {
                FuzzCheck.fail(name, "course \(course.id) is not read back by the direct lesson reader")
            }
        } catch {
            FuzzCheck.fail(name, "course \(course.id) does not survive JSON: \(error)")
        }
    }
}
