import GRDB
import GRDBSQLite

/// What the writer connection knew right after its last answer commit: the next sequence number
/// and the quiz state of the lesson answered. Valid only while nothing else committed since.
///
/// A learner answers question after question in one lesson, so an answer's commit can skip
/// reading the next seq and the lesson row when nothing changed since the previous answer.
/// "Nothing changed" is checked inside the next `BEGIN IMMEDIATE` (so no commit can slip in
/// after the check) by two counters together: SQLite's data version of `main`, which any commit
/// by any connection or process moves, and this connection's count of changed rows, which any
/// write through GRDB on the same connection moves.
struct AnswerMemo: Sendable {
    /// The counters as they stood after the commit.
    var stamp: Stamp
    /// The seq the next event takes.
    var nextSeq: Int64
    /// The lesson whose row `state` describes.
    var lesson: LessonKey?
    /// That lesson row's quiz fields, after the commit.
    var state: DerivedProgress.QuizState?

    /// One lesson of one learner.
    struct LessonKey: Equatable, Sendable {
        var learner: String
        var course: String
        var lesson: String
    }

    /// The counters that move on any commit.
    struct Stamp: Equatable, Sendable {
        /// The connection they were read on (a replaced connection starts new counters).
        var connection: UInt
        /// `SQLITE_FCNTL_DATA_VERSION` of `main`.
        var dataVersion: UInt32
        /// `sqlite3_total_changes64`: rows this connection inserted, updated or deleted.
        var totalChanges: Int64

        /// The counters now; nil when SQLite cannot tell (then nothing is remembered).
        static func read(_ db: Database) -> Stamp? {
            guard let connection = db.sqliteConnection else { return nil }
            var version: UInt32 = 0
            guard sqlite3_file_control(connection, "main", SQLITE_FCNTL_DATA_VERSION, &version) == SQLITE_OK else {
                return nil
            }
            return Stamp(
                connection: UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection))), dataVersion: version,
                totalChanges: sqlite3_total_changes64(connection))
        }
    }
}
