import CourseModel
import Foundation
import MarkdownSyntax

/// Reads `tt02:` lists of Circular 02/2025/TT-BGDĐT competence codes, in `course.yaml` and in a
/// lesson's front matter, with a hint naming the nearest valid code for a wrong one.
enum CompetenceCodes {
    /// The key in `course.yaml` and in front matter.
    static let key = "tt02"

    /// The valid, distinct codes of `fields[key]`, reporting the others.
    static func read(_ fields: YAMLFields, reporter: inout Reporter) -> [(Competence, SourcePosition)] {
        var found: [(Competence, SourcePosition)] = []
        for (code, position) in fields.strings(key, reporter: &reporter) ?? [] {
            let trimmed = code.trimmingCharacters(in: .whitespaces)
            guard let competence = Competence(code: trimmed) else {
                reporter.error(
                    FrameworkText.unknownCode(code), at: position,
                    hint: FrameworkText.nearest(nearest(to: trimmed)))
                continue
            }
            if found.contains(where: { $0.0 == competence }) {
                reporter.warning(
                    FrameworkText.listedTwice(competence.code), at: position, hint: FrameworkText.removeOne)
                continue
            }
            found.append((competence, position))
        }
        return found
    }

    /// A lesson's codes, which must be among its course's.
    static func readLesson(_ fields: YAMLFields, course: [Competence], reporter: inout Reporter) -> [Competence] {
        var kept: [Competence] = []
        for (competence, position) in read(fields, reporter: &reporter) {
            if course.contains(competence) {
                kept.append(competence)
            } else {
                reporter.error(
                    FrameworkText.notInCourse(competence.code), at: position,
                    hint: FrameworkText.narrowOnly(competence.code))
            }
        }
        return kept
    }

    /// The valid competence closest to what was written: the same code typed with a comma or
    /// spaces (`4,2`); the domain's nearest number (`1.4` → `1.3`, `6` → `6.1`); a domain or
    /// competence named in words (`an toàn` → `4.1`); else the first code.
    static func nearest(to text: String) -> Competence {
        var cleaned = text.replacingOccurrences(of: ",", with: ".").filter { !$0.isWhitespace }
        while cleaned.hasSuffix(".") { cleaned.removeLast() }
        if let exact = Competence(code: cleaned) { return exact }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        if let first = parts.first, let domainNumber = first {
            let domain = CompetenceDomain(rawValue: min(max(domainNumber, 1), 6))!
            let members = domain.competences
            let number = parts.count > 1 ? (parts[1] ?? 1) : 1
            return members[min(max(number, 1), members.count) - 1]
        }
        // Whole words only, so "ai" (as people write artificial intelligence) does not match "giải".
        let words = " " + fold(text) + " "
        guard words.count > 2 else { return Competence.all[0] }
        if words == " ai " { return CompetenceDomain.artificialIntelligence.competences[0] }
        if let named = Competence.all.first(where: { (" " + fold($0.nameVietnamese) + " ").contains(words) }) {
            return named
        }
        if let domain = CompetenceDomain.allCases.first(where: { (" " + fold($0.nameVietnamese) + " ").contains(words) }
        ) {
            return domain.competences[0]
        }
        return Competence.all[0]
    }

    /// Lower case, no diacritics, punctuation and runs of spaces as one space.
    private static func fold(_ text: String) -> String {
        VietnameseText.strippingDiacritics(text).lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }
}
