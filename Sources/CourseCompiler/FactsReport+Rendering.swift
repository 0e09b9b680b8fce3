import CourseModel
import Foundation
import Localization

/// The facts report as text for people, JSON for tools, and the Markdown register of `docs/curriculum.md`.
extension FactsReport {
    /// Course by course, each fact with its age, sources and places, in `language`.
    public func text(_ language: Language) -> String {
        var lines: [String] = []
        var course: String?
        for entry in entries {
            if entry.course != course {
                course = entry.course
                if !lines.isEmpty { lines.append("") }
                lines.append(entry.course)
            }
            let fact = entry.fact
            var head = Phrase(
                vi:
                    "  \(fact.id) — kiểm ngày \(fact.checked), cách đây \(entry.ageMonths) tháng; hạn kiểm lại \(fact.due)",
                en:
                    "  \(fact.id) — checked \(fact.checked), \(entry.ageMonths) month\(entry.ageMonths == 1 ? "" : "s") ago; due \(fact.due)"
            )
            if entry.isOverdue { head = head + Phrase(vi: " — QUÁ HẠN", en: " — PAST ITS LIMIT") }
            if entry.isOlderThanLimit, let months = olderThanMonths {
                head = head + Phrase(vi: " — cũ hơn \(months) tháng", en: " — older than \(months) months")
            }
            lines.append(head(language))
            for source in fact.sources { lines.append("    \(source)") }
            for place in fact.places {
                let site = [place.lesson, place.step ?? place.question].compactMap { $0 }.joined(separator: "/")
                lines.append(
                    "    \(place.file):\(place.line):\(place.column) (\(site)) \(Self.shortened(place.text, 70))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `{"today", "olderThanMonths", "facts": […], "diagnostics": […]}`, keys sorted; messages in `language`.
    public func json(language: Language = .en) -> String {
        struct Item: Encodable {
            var course: String
            var id: String
            var sources: [String]
            var checked: FactDate
            var due: FactDate
            var maxAgeMonths: Int
            var ageMonths: Int
            var ageDays: Int
            var overdue: Bool
            var olderThanLimit: Bool
            var places: [FactPlace]
        }
        struct Message: Encodable {
            var severity: Diagnostic.Severity
            var file: String
            var line: Int
            var column: Int
            var message: String
            var hint: String?
        }
        struct Payload: Encodable {
            var today: FactDate
            var olderThanMonths: Int?
            var facts: [Item]
            var diagnostics: [Message]
        }
        let facts = entries.map {
            Item(
                course: $0.course, id: $0.fact.id, sources: $0.fact.sources, checked: $0.fact.checked,
                due: $0.fact.due, maxAgeMonths: $0.fact.maxAgeMonths, ageMonths: $0.ageMonths, ageDays: $0.ageDays,
                overdue: $0.isOverdue, olderThanLimit: $0.isOlderThanLimit, places: $0.fact.places)
        }
        let messages = diagnostics.map {
            Message(
                severity: $0.severity, file: $0.file, line: $0.line, column: $0.column, message: $0.message(language),
                hint: $0.hint?(language))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload = Payload(today: today, olderThanMonths: olderThanMonths, facts: facts, diagnostics: messages)
        guard let data = try? encoder.encode(payload) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The register table of `docs/curriculum.md` for these facts.
    public func markdown() -> String { Self.register(entries.map { ($0.course, $0.fact) }) }

    /// The register table of `docs/curriculum.md`: one row per fact, with what it backs, where,
    /// when it was checked and is due, and its sources. No ages, so it only changes with the courses.
    public static func register(_ facts: [(course: String, fact: Fact)]) -> String {
        var lines = [
            "| course | fact | checked | due | claim | where | sources |",
            "|---|---|---|---|---|---|---|",
        ]
        for (course, fact) in facts {
            var sites: [String] = []
            for place in fact.places {
                let site = [place.lesson, place.step ?? place.question].compactMap { $0 }.joined(separator: "/")
                if !sites.contains(site) { sites.append(site) }
            }
            let claim = shortened(fact.places.first?.text ?? "", 90)
            let cells = [
                course, "`\(fact.id)`", "\(fact.checked)", "\(fact.due)", claim,
                sites.map { "`\($0)`" }.joined(separator: ", "), fact.sources.map { "<\($0)>" }.joined(separator: " "),
            ]
            lines.append("| " + cells.map(escaped).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// The register for compiled courses, in their order.
    public static func register(_ courses: [Course]) -> String {
        register(courses.flatMap { course in course.facts.map { (course.id, $0) } })
    }

    static func shortened(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…" : text
    }

    private static func escaped(_ cell: String) -> String { cell.replacingOccurrences(of: "|", with: "\\|") }
}
