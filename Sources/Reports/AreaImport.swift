import CSVText
import CourseModel
import Foundation
import HubStore
import LearnerEvents
import Localization

/// What an areas import did.
public struct AreaImportResult: Sendable, Equatable {
    /// Areas new to the hub.
    public var added: Int
    /// Areas already there whose name, level or parent changed.
    public var updated: Int
    /// Areas already there, unchanged.
    public var unchanged: Int
}

/// Importing the area hierarchy (provinces, districts, communes) from a spreadsheet export.
public enum AreaImport {
    /// Accepted header names per field: Vietnamese (with or without marks) and English.
    static let headers: [String: [String]] = [
        "code": ["ma", "code", "ma dia ban"],
        "name": ["ten", "name", "ten dia ban"],
        "level": ["cap", "level"],
        "parent": ["ma cap tren", "parent code", "parent", "parent_code", "ma_cap_tren"],
    ]

    /// Imports areas from CSV text (`ma,ten,cap,ma_cap_tren` or `code,name,level,parent_code`).
    ///
    /// Every row is checked before anything is written; all problems come back together with
    /// their line numbers, and nothing is imported unless every row is valid. Names are stored
    /// in NFC. A commune's parent may be a district or, since the 2025 reform, the province.
    public static func run(csv text: String, into store: any HubStore) throws -> AreaImportResult {
        let entries = try read(text)
        let existing = try storage { try store.areas() }
        var levels = Dictionary(existing.map { ($0.code, $0.level) }, uniquingKeysWith: { _, last in last })
        for e in entries { levels[e.area.code] = e.area.level }
        var problems: [(Int, Phrase)] = []
        for e in entries {
            switch (e.area.level, e.area.parentCode) {
            case (.province, nil): break
            case (.province, let p?): problems.append((e.line, Text.provinceWithParent(e.area.code, p)))
            case (let level, nil): problems.append((e.line, Text.needsParent(level, e.area.code)))
            case (let level, let p?):
                guard let parentLevel = levels[p] else {
                    problems.append((e.line, Text.unknownParent(p, of: e.area.code)))
                    continue
                }
                let allowed: [AreaLevel] = level == .district ? [.province] : [.district, .province]
                if !allowed.contains(parentLevel) { problems.append((e.line, Text.wrongParent(level, parentLevel, p))) }
            }
        }
        try refuse(problems)
        var result = AreaImportResult(added: 0, updated: 0, unchanged: 0)
        let old = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        var changed: [Area] = []
        for e in entries {
            if let before = old[e.area.code] {
                if before == e.area {
                    result.unchanged += 1
                    continue
                }
                result.updated += 1
            } else {
                result.added += 1
            }
            changed.append(e.area)
        }
        try storage { try store.saveAreas(changed) }
        return result
    }

    /// Attaches a centre (node id) to a commune.
    public static func attachCentre(_ nodeId: String, toCommune commune: String, in store: any HubStore) throws {
        try storage { try store.attachCentre(nodeId, toCommune: commune) }
    }

    /// The rows of the file, each checked on its own; every problem found is thrown together.
    private static func read(_ text: String) throws -> [(line: Int, area: Area)] {
        let rows: [CSVText.Record]
        do {
            rows = try CSVText.records(text)
        } catch {
            // A String is UTF-8 already, so only an unclosed quote can be left.
            guard case .unclosedQuote(let line) = error else { throw ReportError(.badInput, ReportsText.notUTF8) }
            throw ReportError(.badInput, ReportsText.unclosedQuote(line: line))
        }
        guard let header = rows.first else { throw ReportError(.badInput, ReportsText.emptyFile) }
        var index: [String: Int] = [:]
        for (i, raw) in header.fields.enumerated() {
            let name = AreaLevel.fold(raw)
            let underscored = name.replacingOccurrences(of: " ", with: "_")
            for (field, names) in headers where names.contains(name) || names.contains(underscored) {
                index[field] = i
            }
        }
        let missing = ["code", "name", "level"].filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw ReportError(.badInput, ReportsText.onLine(header.line, Text.missingColumns(missing)))
        }
        func cell(_ row: CSVText.Record, _ field: String) -> String {
            guard let i = index[field], i < row.fields.count else { return "" }
            return VietnameseText.nfc(row.fields[i]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var problems: [(Int, Phrase)] = []
        var entries: [(line: Int, area: Area)] = []
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            let code = cell(row, "code")
            let name = cell(row, "name")
            let levelText = cell(row, "level")
            let parent = cell(row, "parent")
            let before = problems.count
            if code.isEmpty {
                problems.append((row.line, Text.emptyCode))
            } else if code.count > 32 || code.contains(where: { $0.isWhitespace || $0 == "/" })
                || ControlCharacters.found(in: code)
            {
                problems.append((row.line, Text.badCode(code)))
            }
            if let first = seen[code], !code.isEmpty { problems.append((row.line, Text.repeatedCode(code, first))) }
            if name.isEmpty {
                problems.append((row.line, Text.emptyName))
            } else if name.count > 200 || ControlCharacters.found(in: name) {
                problems.append((row.line, Text.badName))
            }
            let level = AreaLevel(spelling: levelText)
            if level == nil || level == .center { problems.append((row.line, Text.badLevel(levelText))) }
            if problems.count == before, let level {
                seen[code] = row.line
                entries.append(
                    (row.line, Area(code: code, name: name, level: level, parentCode: parent.isEmpty ? nil : parent)))
            }
        }
        try refuse(problems)
        return entries
    }

    /// Throws every problem at once, in line order, when there is any.
    private static func refuse(_ problems: [(Int, Phrase)]) throws {
        guard !problems.isEmpty else { return }
        let ordered = problems.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
        throw ReportError(
            .badInput, ReportsText.problems(problems.count),
            details: ordered.map { ReportsText.onLine($0.element.0, $0.element.1) })
    }

    private static func storage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as HubStoreError {
            let kind: ReportError.Kind =
                switch error.kind {
                case .notFound, .unknownNode: .notFound
                case .invalid, .conflict: .invalid
                default: .storage
                }
            throw ReportError(kind, error.phrase)
        }
    }

    /// The problems a row can have.
    private enum Text {
        static func missingColumns(_ missing: [String]) -> Phrase {
            let list = missing.joined(separator: ", ")
            return Phrase(
                vi: "dòng tiêu đề cần các cột ma,ten,cap,ma_cap_tren (hoặc code,name,level,parent_code); thiếu \(list)",
                en: "the header needs columns ma,ten,cap,ma_cap_tren (or code,name,level,parent_code); missing \(list)")
        }
        static let emptyCode = Phrase(vi: "mã trống", en: "the code is empty")
        static func badCode(_ code: String) -> Phrase {
            Phrase(
                vi: "mã '\(code)' phải dài tối đa 32 ký tự, không có dấu cách, '/' hay ký tự điều khiển",
                en: "code '\(code)' must be at most 32 characters without spaces, '/' or control characters")
        }
        static func repeatedCode(_ code: String, _ first: Int) -> Phrase {
            Phrase(vi: "mã '\(code)' đã có ở dòng \(first)", en: "code '\(code)' already appears on line \(first)")
        }
        static let emptyName = Phrase(vi: "tên trống", en: "the name is empty")
        static let badName = Phrase(
            vi: "tên dài quá 200 ký tự hoặc có ký tự điều khiển",
            en: "the name is longer than 200 characters or holds control characters")
        static func badLevel(_ text: String) -> Phrase {
            Phrase(
                vi: "cấp '\(text)' không phải tỉnh, huyện hay xã",
                en: "level '\(text)' is not province, district or commune (tỉnh, huyện, xã)")
        }
        static func provinceWithParent(_ code: String, _ parent: String) -> Phrase {
            Phrase(
                vi: "tỉnh '\(code)' không thể có cấp trên ('\(parent)')",
                en: "province '\(code)' cannot have a parent ('\(parent)')")
        }
        static func needsParent(_ level: AreaLevel, _ code: String) -> Phrase {
            Phrase(
                vi: "\(ReportText(.vi).level(level).lowercased()) '\(code)' cần mã cấp trên",
                en: "\(level.rawValue) '\(code)' needs a parent code")
        }
        static func unknownParent(_ parent: String, of code: String) -> Phrase {
            Phrase(
                vi: "cấp trên '\(parent)' của '\(code)' không có trong tệp và cũng chưa có ở máy chủ",
                en: "parent '\(parent)' of '\(code)' is neither in the file nor in the hub")
        }
        static func wrongParent(_ level: AreaLevel, _ parentLevel: AreaLevel, _ parent: String) -> Phrase {
            Phrase(
                vi:
                    "\(ReportText(.vi).level(level).lowercased()) không thể nằm dưới \(ReportText(.vi).level(parentLevel).lowercased()) ('\(parent)')",
                en: "a \(level.rawValue) cannot sit under a \(parentLevel.rawValue) ('\(parent)')")
        }
    }
}
