import CourseModel
import Foundation
import MarkdownSyntax

/// Reading one fact marker: `<!-- fact: id; source: url , url; checked: YYYY-MM-DD; max-age: 6m -->`,
/// `<!-- fact: id -->` or `<!-- not-a-fact: example -->`.
extension LessonCompiler {
    /// What a marker says.
    enum FactMarkerOutcome {
        /// A fact: its id, where the id is, and what its first mention says (`nil` at a later mention,
        /// and at a first mention whose source or date is wrong: `failed`).
        case fact(String, SourcePosition, FactMention.Definition?, failed: Bool)
        /// The sentence holds no time-sensitive fact.
        case notAFact
    }

    /// The marker's meaning, after reporting what is wrong with it; `nil` for a comment that is no
    /// fact marker (or so broken that it says nothing).
    mutating func readFactMarker(_ literal: String, at start: SourcePosition) -> FactMarkerOutcome? {
        guard Self.isFactComment(literal), let parsed = CommentEntries(literal, at: start) else { return nil }
        var values: [String: CommentEntries.Entry] = [:]
        var notAFact = false
        for entry in parsed.entries {
            let key = entry.key ?? entry.text.lowercased()
            guard Self.factKeys.contains(key) else {
                reporter.error(
                    entry.key == nil ? CompilerText.factEntryNoValue(entry.text) : CompilerText.unknownFactKey(key),
                    at: entry.keyPosition,
                    hint: Spelling.nearest(to: key, in: Self.factKeys).map(CompilerText.didYouMean)
                        ?? CompilerText.factKeysHint(Self.factKeys), facts: true)
                continue
            }
            if key == "not-a-fact" {
                notAFact = true
                continue
            }
            guard entry.key != nil, !entry.value.isEmpty else {
                reporter.error(
                    CompilerText.factEntryNoValue(entry.text), at: entry.keyPosition, hint: CompilerText.factFormatHint,
                    facts: true)
                continue
            }
            if values[key] != nil {
                reporter.error(CompilerText.factKeyTwice(key), at: entry.keyPosition, facts: true)
                continue
            }
            values[key] = entry
        }
        if notAFact {
            if values["fact"] != nil {
                reporter.error(CompilerText.factAndNotAFact, at: start, hint: CompilerText.notAFactHint, facts: true)
            } else if !values.isEmpty {
                reporter.error(
                    CompilerText.notAFactTakesNothing, at: start, hint: CompilerText.notAFactHint, facts: true)
            }
            return .notAFact
        }
        guard let idEntry = values["fact"] else {
            reporter.error(CompilerText.factNoID, at: start, hint: CompilerText.factFormatHint, facts: true)
            return nil
        }
        let id = idEntry.value
        guard Identifier.isValid(id) else {
            let slug = Identifier.slug(id)
            reporter.error(
                CompilerText.invalidFactID(id), at: idEntry.valuePosition,
                hint: CompilerText.idHint(example: slug.isEmpty ? nil : slug), facts: true)
            return nil
        }
        let isDefinition = ["source", "checked", "max-age"].contains { values[$0] != nil }
        guard isDefinition else { return .fact(id, idEntry.valuePosition, nil, failed: false) }
        let definition = factDefinition(id, values, at: idEntry.valuePosition)
        return .fact(id, idEntry.valuePosition, definition, failed: definition == nil)
    }

    /// The definition's sources, date and limit; `nil` after reporting a missing or bad one.
    private mutating func factDefinition(
        _ id: String, _ values: [String: CommentEntries.Entry], at position: SourcePosition
    ) -> FactMention.Definition? {
        var ok = true
        var sources: [String] = []
        if let entry = values["source"] {
            for url in entry.value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if Self.isWebAddress(url) {
                    sources.append(url)
                } else {
                    reporter.error(
                        CompilerText.badSource(url), at: entry.valuePosition, hint: CompilerText.badSourceHint,
                        facts: true)
                    ok = false
                }
            }
        } else {
            reporter.error(
                CompilerText.factNoSource(id), at: position, hint: CompilerText.factNoSourceHint, facts: true)
            ok = false
        }
        var checked: FactDate?
        if let entry = values["checked"] {
            if let date = FactDate(iso: entry.value) {
                if date > today {
                    reporter.error(
                        CompilerText.futureChecked(entry.value), at: entry.valuePosition,
                        hint: CompilerText.futureCheckedHint, facts: true)
                    ok = false
                }
                checked = date
            } else {
                reporter.error(
                    CompilerText.badChecked(entry.value), at: entry.valuePosition, hint: CompilerText.checkedHint,
                    facts: true)
                ok = false
            }
        } else {
            reporter.error(CompilerText.factNoChecked(id), at: position, hint: CompilerText.checkedHint, facts: true)
            ok = false
        }
        var maxAge: Int?
        if let entry = values["max-age"] {
            maxAge = FactAge.months(entry.value)
            if maxAge == nil {
                reporter.error(
                    CompilerText.badMaxAge(entry.value), at: entry.valuePosition, hint: CompilerText.maxAgeHint,
                    facts: true)
                ok = false
            }
        }
        guard ok, let checked else { return nil }
        return FactMention.Definition(sources: sources, checked: checked, maxAgeMonths: maxAge)
    }

    /// An absolute `http` or `https` address with a host name.
    static func isWebAddress(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, host.contains(".")
        else { return false }
        return true
    }
}

/// How long a fact may go unchecked: `6m`, `12m`, `1y`, `18 tháng`, `2 năm`.
enum FactAge {
    /// The default limit when neither the fact nor `course.yaml` gives one.
    static let defaultMonths = 12

    /// Months in `text`, 1–120, or `nil`.
    static func months(_ text: String) -> Int? {
        let s = text.lowercased().replacingOccurrences(of: " ", with: "")
        for (suffix, factor) in [("tháng", 1), ("năm", 12), ("m", 1), ("y", 12)] where s.hasSuffix(suffix) {
            guard let n = Int(s.dropLast(suffix.count)), n > 0 else { return nil }
            let months = n * factor
            return (1...120).contains(months) ? months : nil
        }
        return nil
    }
}
