import CourseModel
import Foundation

/// The generated parts of `docs/curriculum.md`, made from the compiled courses.
///
/// Each part sits between `<!-- generated: NAME -->` and `<!-- end generated -->` lines; the prose
/// around them is written by hand. `CurriculumTests` checks that every part equals what the courses
/// compile to, and rewrites them when run with `RECORD_SNAPSHOTS=1`.
struct CurriculumDocument {
    /// Every course, in id order.
    let courses: [Course]

    init(courses: [Course]) { self.courses = courses.sorted { $0.id < $1.id } }

    /// The generated parts by name, in the order they appear in the document.
    var parts: [(name: String, text: String)] {
        [
            ("totals", totals), ("courses", courseSections), ("lessons", lessonTable), ("coverage", coverageMatrix),
            ("digcomp", digcompCoverage),
        ]
    }

    var lessonCount: Int { courses.reduce(0) { $0 + $1.lessons.count } }
    var questionCount: Int { courses.reduce(0) { $0 + $1.allQuestions.count } }

    /// One sentence with the totals.
    var totals: String {
        let vietnamese = courses.filter { $0.language == "vi" }.count
        return
            "\(courses.count) courses (\(vietnamese) in Vietnamese, \(courses.count - vietnamese) in English), "
            + "\(lessonCount) lessons, \(questionCount) questions.\n"
    }

    /// A section per course: titles, frameworks, counts and sources.
    var courseSections: String {
        courses.map { course in
            let english = course.titleEnglish ?? course.title
            var lines = [
                "### \(course.title) — \(english)", "",
                "- id: `\(course.id)`",
                "- Tiếng Việt / title: \(course.title)",
                "- English title: \(english)",
                "- DigComp 2.2: "
                    + course.digcompAreas.map { "\($0.rawValue) — \($0.nameVietnamese)" }.joined(separator: "; "),
                "- Thông tư 02/2025/TT-BGDĐT: " + competenceList(course.competences),
                "- Bài / lessons: \(course.lessons.count); câu hỏi / questions: \(course.allQuestions.count)",
                "- Nguồn chính thức / sources:",
            ]
            lines += course.sources.map { "  - \($0.title) — <\($0.url)>" }
            return lines.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    /// One row per lesson, with the competences it serves and its question count.
    var lessonTable: String {
        var lines = ["| course | lesson | title | questions | TT 02 |", "|---|---|---|---|---|"]
        for course in courses {
            for lesson in course.lessons {
                let codes = course.competences(of: lesson).map(\.code).joined(separator: ", ")
                lines.append(
                    "| \(course.id) | \(lesson.id) | \(lesson.title) | \(lesson.quiz?.questions.count ?? 0) | \(codes) |"
                )
            }
        }
        lines.append("")
        lines.append(
            "**Tổng — Total:** \(courses.count) khoá (courses), \(lessonCount) bài (lessons), "
                + "\(questionCount) câu hỏi (questions).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Domain × course: the component competences each course serves in each domain, and how
    /// many courses serve each domain.
    var coverageMatrix: String {
        let domains = CompetenceDomain.allCases
        var lines = [
            "| course | " + domains.map { "\($0.code). \($0.nameVietnamese)" }.joined(separator: " | ") + " |",
            "|---|" + domains.map { _ in "---|" }.joined(),
        ]
        for course in courses {
            let cells = domains.map { domain in
                let codes = course.competences.filter { $0.domain == domain }.map(\.code)
                return codes.isEmpty ? "—" : codes.joined(separator: ", ")
            }
            lines.append("| \(course.id) | " + cells.joined(separator: " | ") + " |")
        }
        let counts = domains.map { domain in courses.filter { $0.domains.contains(domain) }.count }
        lines.append("| **khoá học / courses** | " + counts.map { "**\($0)**" }.joined(separator: " | ") + " |")
        return lines.joined(separator: "\n") + "\n"
    }

    /// For each DigComp 2.2 area, the courses that serve it.
    var digcompCoverage: String {
        DigCompArea.allCases.map { area in
            let ids = courses.filter { $0.digcompAreas.contains(area) }.map { "`\($0.id)`" }
            return "- \(area.rawValue) — \(area.nameVietnamese): " + ids.joined(separator: ", ")
        }.joined(separator: "\n") + "\n"
    }

    private func competenceList(_ competences: [Competence]) -> String {
        guard !competences.isEmpty else { return "—" }
        return competences.map { "\($0.code) \($0.nameVietnamese)" }.joined(separator: "; ")
    }

    // MARK: - The document's generated parts

    /// The text of the part `name` in `document`, nil when its markers are missing.
    static func part(_ name: String, in document: String) -> String? {
        guard let range = bodyRange(of: name, in: document) else { return nil }
        return String(document[range])
    }

    /// `document` with the part `name` replaced by `text`; nil when its markers are missing.
    static func replacing(_ name: String, with text: String, in document: String) -> String? {
        guard let range = bodyRange(of: name, in: document) else { return nil }
        var copy = document
        copy.replaceSubrange(range, with: text)
        return copy
    }

    private static func bodyRange(of name: String, in document: String) -> Range<String.Index>? {
        guard let open = document.range(of: "<!-- generated: \(name) -->\n"),
            let close = document.range(of: "<!-- end generated -->", range: open.upperBound..<document.endIndex)
        else { return nil }
        return open.upperBound..<close.lowerBound
    }
}
