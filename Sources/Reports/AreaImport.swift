import CSVText
import CourseModel
import Foundation
import GRDB
import HubStore

/// What an areas import did.
public struct AreaImportResult: Sendable, Equatable {
    /// Areas new to the hub.
    public var added: Int
    /// Areas already there whose name, level or parent changed.
    public var updated: Int
    /// Areas already there, unchanged.
    public var unchanged: Int
}

extension ReportDatabase {
    /// Accepted header names per field: Vietnamese (with or without marks) and English.
    static let areaHeaders: [String: [String]] = [
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
    public func importAreas(csv text: String) throws -> AreaImportResult {
        let rows: [CSVText.Record]
        do {
            rows = try CSVText.records(text)
        } catch {
            // A String is UTF-8 already, so only an unclosed quote can be left.
            guard case .unclosedQuote(let line) = error else {
                throw ReportError(.badInput, "the file is not UTF-8 text")
            }
            throw ReportError(.badInput, "line \(line): a quoted field is not closed")
        }
        guard let header = rows.first else { throw ReportError(.badInput, "the file is empty") }
        var index: [String: Int] = [:]
        for (i, raw) in header.fields.enumerated() {
            let name = ReportText.fold(raw)
            let underscored = name.replacingOccurrences(of: " ", with: "_")
            for (field, names) in Self.areaHeaders where names.contains(name) || names.contains(underscored) {
                index[field] = i
            }
        }
        let missing = ["code", "name", "level"].filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw ReportError(
                .badInput,
                "line \(header.line): the header needs columns ma,ten,cap,ma_cap_tren (or code,name,level,parent_code); missing \(missing.joined(separator: ", "))"
            )
        }
        struct Entry {
            var line: Int
            var code: String
            var name: String
            var level: AreaLevel
            var parent: String?
        }
        var problems: [String] = []
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        func cell(_ row: CSVText.Record, _ field: String) -> String {
            guard let i = index[field], i < row.fields.count else { return "" }
            return VietnameseText.nfc(row.fields[i]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for row in rows.dropFirst() {
            let code = cell(row, "code")
            let name = cell(row, "name")
            let levelText = cell(row, "level")
            let parent = cell(row, "parent")
            var ok = true
            func problem(_ message: String) {
                problems.append("line \(row.line): \(message)")
                ok = false
            }
            if code.isEmpty {
                problem("the code is empty")
            } else if code.count > 32 || code.contains(where: { $0.isWhitespace || $0 == "/" }) {
                problem("code '\(code)' must be at most 32 characters without spaces or '/'")
            }
            if let first = seen[code], !code.isEmpty { problem("code '\(code)' already appears on line \(first)") }
            if name.isEmpty {
                problem("the name is empty")
            } else if name.count > 200 {
                problem("the name is longer than 200 characters")
            }
            let level = AreaLevel(spelling: levelText)
            if level == nil || level == .center {
                problem("level '\(levelText)' is not province, district or commune (tỉnh, huyện, xã)")
            }
            if ok, let level {
                seen[code] = row.line
                entries.append(
                    Entry(line: row.line, code: code, name: name, level: level, parent: parent.isEmpty ? nil : parent))
            }
        }
        return try write { db in
            var levels: [String: AreaLevel] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code, level FROM areas") {
                levels[row["code"]] = AreaLevel(rawValue: row["level"])
            }
            for e in entries { levels[e.code] = e.level }
            for e in entries {
                switch (e.level, e.parent) {
                case (.province, nil): break
                case (.province, let p?):
                    problems.append("line \(e.line): province '\(e.code)' cannot have a parent ('\(p)')")
                case (_, nil): problems.append("line \(e.line): \(e.level.rawValue) '\(e.code)' needs a parent code")
                case (let level, let p?):
                    guard let parentLevel = levels[p] else {
                        problems.append(
                            "line \(e.line): parent '\(p)' of '\(e.code)' is neither in the file nor in the hub")
                        continue
                    }
                    let allowed: [AreaLevel] = level == .district ? [.province] : [.district, .province]
                    if !allowed.contains(parentLevel) {
                        problems.append(
                            "line \(e.line): a \(level.rawValue) cannot sit under a \(parentLevel.rawValue) ('\(p)')")
                    }
                }
            }
            guard problems.isEmpty else {
                throw ReportError(
                    .badInput, "the areas file has \(problems.count) problem(s); nothing was imported",
                    details: problems.sorted {
                        Self.lineNumber($0) < Self.lineNumber($1)
                    })
            }
            var result = AreaImportResult(added: 0, updated: 0, unchanged: 0)
            // Parents first, so the foreign key holds at every insert.
            for e in entries.sorted(by: { $0.level < $1.level }) {
                let old = try Row.fetchOne(
                    db, sql: "SELECT name, level, parent_code FROM areas WHERE code = ?", arguments: [e.code])
                if let old {
                    let same =
                        (old["name"] as String) == e.name && (old["level"] as String) == e.level.rawValue
                        && (old["parent_code"] as String?) == e.parent
                    if same {
                        result.unchanged += 1
                        continue
                    }
                    result.updated += 1
                } else {
                    result.added += 1
                }
                try db.execute(
                    sql: """
                        INSERT INTO areas (code, name, level, parent_code) VALUES (?, ?, ?, ?)
                        ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code
                        """, arguments: [e.code, e.name, e.level.rawValue, e.parent])
            }
            return result
        }
    }

    static func lineNumber(_ message: String) -> Int {
        Int(message.dropFirst(5).prefix { $0.isNumber }) ?? 0
    }

    /// Attaches a centre (node id) to a commune.
    public func attachCentre(_ nodeId: String, toCommune commune: String) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM centers WHERE node_id = ?", arguments: [nodeId]) != nil
            else {
                throw ReportError(.notFound, "no centre with node id '\(nodeId)' is registered at this hub")
            }
            guard
                let level = try String.fetchOne(db, sql: "SELECT level FROM areas WHERE code = ?", arguments: [commune])
            else {
                throw ReportError(.notFound, "no area with code '\(commune)'; import it first (hocso hub areas import)")
            }
            guard level == AreaLevel.commune.rawValue else {
                throw ReportError(.invalid, "'\(commune)' is a \(level), not a commune; centres attach to communes")
            }
            try db.execute(sql: "UPDATE centers SET commune_code = ? WHERE node_id = ?", arguments: [commune, nodeId])
        }
    }
}
