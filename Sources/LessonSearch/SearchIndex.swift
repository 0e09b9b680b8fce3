import Foundation
import GRDB
import Localization
import SQLiteSupport

/// The lesson-search index: one row per lesson step of every installed course, in SQLite FTS5.
///
/// Text is folded by `SearchFolding` before SQLite sees it, so the tokenizer (`unicode61`,
/// diacritics kept: there are none left) only splits words. Each course carries a stamp (its
/// installed version folder) so a stale or partial index is brought up to date course by course.
public final class SearchIndex: Sendable {
    /// The schema's version, in `PRAGMA user_version`; an index of another version is rebuilt.
    static let formatVersion = 1

    /// bm25 weights of the indexed columns, in order: course title, lesson title, step title,
    /// body. A word in a step's title says most about the step; the lesson's title next (it is
    /// shared by every step of the lesson); the course's title least of the titles; the body is
    /// the baseline.
    ///
    /// Ranking is first by how many of the query's words the step itself holds (its title and
    /// body; `SearchHit.coverage`), then by this bm25: every word must appear somewhere, but a
    /// step that says `mức 2` beats a step that only sits in a lesson about it. Ties go in
    /// course, lesson and step order.
    public static let columnWeights: [Double] = [2, 5, 10, 1]

    /// The most results one search returns.
    public static let resultLimit = 50

    private let writer: any DatabaseWriter

    /// Opens (creating) the index file at `url`; a file that is not an index of this version is
    /// replaced by an empty index, which the caller then fills.
    public init(url: URL) throws {
        do {
            writer = try Self.openFile(url)
        } catch {
            // Damaged or foreign: the index holds nothing that cannot be rebuilt from the courses.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
            do {
                writer = try Self.openFile(url)
            } catch {
                throw SearchIndexError(phrase: SQLiteFailure.phrase(for: error, database: SearchText.database))
            }
        }
    }

    /// An index in memory (tests, or a store the learner may not write to).
    public init() throws {
        do {
            writer = try DatabaseQueue()
            try writer.write { try Self.createSchema($0) }
        } catch {
            throw SearchIndexError(phrase: SQLiteFailure.phrase(for: error, database: SearchText.database))
        }
    }

    private static func openFile(_ url: URL) throws -> any DatabaseWriter {
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.label = "search"
        let pool = try DatabasePool(path: url.path, configuration: config)
        try pool.write { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version != formatVersion {
                for table in ["steps_fts", "steps", "courses"] { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
                try createSchema(db)
            }
            // Reading a table proves the file is an index (a foreign file fails here).
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM courses")
        }
        return pool
    }

    private static func createSchema(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE courses(id TEXT PRIMARY KEY, stamp TEXT NOT NULL);
                CREATE TABLE steps(
                    id INTEGER PRIMARY KEY, course TEXT NOT NULL, course_title TEXT NOT NULL,
                    lesson TEXT NOT NULL, lesson_title TEXT NOT NULL, lesson_index INTEGER NOT NULL,
                    step TEXT NOT NULL, step_index INTEGER NOT NULL, step_title TEXT NOT NULL, body TEXT NOT NULL);
                CREATE INDEX steps_course ON steps(course);
                CREATE VIRTUAL TABLE steps_fts USING fts5(
                    course_title, lesson_title, step_title, body, tokenize = 'unicode61 remove_diacritics 0');
                PRAGMA user_version = \(formatVersion);
                """)
    }

    /// The stamp of every indexed course, by course id.
    public func stamps() throws -> [String: String] {
        try guarded {
            try writer.read { db in
                var out: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, stamp FROM courses") { out[row[0]] = row[1] }
                return out
            }
        }
    }

    /// Replaces what the index holds for the course of `documents` (id `courseID`), in one transaction.
    public func replace(courseID: String, stamp: String, documents: [StepDocument]) throws {
        try guarded {
            try writer.write { db in
                try Self.delete(courseID, db)
                try db.execute(sql: "INSERT INTO courses(id, stamp) VALUES (?, ?)", arguments: [courseID, stamp])
                // Prepared once for the whole course: a thousand-lesson course is indexed at install.
                let step = try db.cachedStatement(
                    sql: """
                        INSERT INTO steps(course, course_title, lesson, lesson_title, lesson_index, step,
                            step_index, step_title, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                let text = try db.cachedStatement(
                    sql:
                        "INSERT INTO steps_fts(rowid, course_title, lesson_title, step_title, body) VALUES (?, ?, ?, ?, ?)"
                )
                var lessonIndex = -1
                var lastLesson: String?
                var foldedLesson = ""
                let foldedCourse = SearchFolding.fold(documents.first?.courseTitle ?? "")
                for document in documents {
                    if document.lessonID != lastLesson {
                        lessonIndex += 1
                        lastLesson = document.lessonID
                        foldedLesson = SearchFolding.fold(document.lessonTitle)
                    }
                    let body = document.lines.joined(separator: "\n")
                    try step.execute(arguments: [
                        courseID, document.courseTitle, document.lessonID, document.lessonTitle, lessonIndex,
                        document.stepID, document.stepIndex, document.stepTitle, body,
                    ])
                    try text.execute(arguments: [
                        db.lastInsertedRowID, foldedCourse, foldedLesson, SearchFolding.fold(document.stepTitle),
                        SearchFolding.fold(body),
                    ])
                }
            }
        }
    }

    /// Removes a course from the index.
    public func remove(courseID: String) throws {
        try guarded { try writer.write { try Self.delete(courseID, $0) } }
    }

    private static func delete(_ courseID: String, _ db: Database) throws {
        try db.execute(
            sql: "DELETE FROM steps_fts WHERE rowid IN (SELECT id FROM steps WHERE course = ?)", arguments: [courseID])
        try db.execute(sql: "DELETE FROM steps WHERE course = ?", arguments: [courseID])
        try db.execute(sql: "DELETE FROM courses WHERE id = ?", arguments: [courseID])
    }

    /// Brings the index in line with the installed courses (`installed`: stamp by course id):
    /// courses gone are removed, courses new or reinstalled are indexed again through `load`.
    /// Returns how many courses were (re)indexed and removed.
    @discardableResult
    public func update(installed: [String: String], load: (String) throws -> [StepDocument]) throws -> (
        indexed: Int, removed: Int
    ) {
        let current = try stamps()
        var indexed = 0
        var removed = 0
        for id in current.keys where installed[id] == nil {
            try remove(courseID: id)
            removed += 1
        }
        for (id, stamp) in installed.sorted(by: { $0.key < $1.key }) where current[id] != stamp {
            try replace(courseID: id, stamp: stamp, documents: try load(id))
            indexed += 1
        }
        return (indexed, removed)
    }

    /// The steps matching any of `queries` (the text as typed and its Telex/VNI readings), best
    /// first. A step found by several queries keeps its best rank.
    public func search(_ queries: [String], limit: Int = resultLimit) throws -> [SearchHit] {
        var best: [Int64: SearchHit] = [:]
        var seen = Set<String>()
        for query in queries {
            let terms = SearchFolding.terms(query)
            guard !terms.isEmpty, seen.insert(terms.joined(separator: " ")).inserted else { continue }
            for hit in try run(terms, words: SearchFolding.words(query), limit: limit)
            where best[hit.rowID].map({ SearchHit.ranksBefore(hit, $0) }) ?? true {
                best[hit.rowID] = hit
            }
        }
        return Array(best.values.sorted(by: SearchHit.ranksBefore).prefix(limit))
    }

    /// One FTS5 query: the steps holding every term, ranked by coverage then bm25. Coverage
    /// counts the terms found in the step's own columns (`{step_title body}`), each an FTS
    /// lookup SQLite runs once.
    private func run(_ terms: [String], words: [String], limit: Int) throws -> [SearchHit] {
        let weights = Self.columnWeights.map { String($0) }.joined(separator: ", ")
        let coverage = Array(
            repeating: "(s.id IN (SELECT rowid FROM steps_fts WHERE steps_fts MATCH ?))", count: terms.count
        ).joined(separator: " + ")
        // In the order the statement names them: the coverage lookups, the match, the limit.
        var arguments = StatementArguments(terms.map { "{step_title body} : \($0)" })
        arguments += [terms.joined(separator: " "), limit]
        return try guarded {
            try writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.id, s.course, s.course_title, s.lesson, s.lesson_title, s.lesson_index, s.step,
                            s.step_index, s.step_title, s.body, bm25(steps_fts, \(weights)) AS score,
                            \(coverage) AS coverage
                        FROM steps_fts JOIN steps s ON s.id = steps_fts.rowid
                        WHERE steps_fts MATCH ?
                        ORDER BY coverage DESC, score, s.course, s.lesson_index, s.step_index LIMIT ?
                        """, arguments: arguments
                ).map { row in
                    SearchHit(
                        rowID: row["id"], courseID: row["course"], courseTitle: row["course_title"],
                        lessonID: row["lesson"], lessonTitle: row["lesson_title"], lessonIndex: row["lesson_index"],
                        stepID: row["step"], stepIndex: row["step_index"], stepTitle: row["step_title"],
                        body: row["body"], score: row["score"], coverage: row["coverage"], words: words)
                }
            }
        }
    }

    /// Runs `body`, turning a database failure into a worded one.
    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw SearchIndexError(phrase: SQLiteFailure.phrase(for: error, database: SearchText.database))
        }
    }
}
