import CourseModel
import Foundation

/// `manifest.json`: what a pack holds, written first so a reader learns everything before any data.
public struct PackManifest: Sendable, Equatable, Codable {
    /// Pack format version the writer used.
    public var format: Int
    /// The oldest reader version that can read this pack.
    public var minReader: Int
    /// The course's identity.
    public var course: CourseInfo
    /// Lessons in order, with their step and question ids.
    public var lessons: [LessonInfo]
    /// Every entry after the signature, in archive order.
    public var files: [FileRecord]
    /// The program that built the pack, e.g. `hocso 0.1.0`.
    public var builtBy: String

    /// Makes a manifest.
    public init(
        format: Int, minReader: Int, course: CourseInfo, lessons: [LessonInfo], files: [FileRecord], builtBy: String
    ) {
        self.format = format
        self.minReader = minReader
        self.course = course
        self.lessons = lessons
        self.files = files
        self.builtBy = builtBy
    }

    /// The course's identity as the manifest states it.
    public struct CourseInfo: Sendable, Equatable, Codable {
        /// Course id.
        public var id: String
        /// Course version.
        public var version: Int
        /// Title in the course's language.
        public var title: String
        /// English title, if any.
        public var titleEnglish: String?
        /// Content language.
        public var language: String

        /// Makes the course identity.
        public init(id: String, version: Int, title: String, titleEnglish: String?, language: String) {
            self.id = id
            self.version = version
            self.title = title
            self.titleEnglish = titleEnglish
            self.language = language
        }
    }

    /// One lesson: its id, title, step ids and question ids.
    public struct LessonInfo: Sendable, Equatable, Codable {
        /// Lesson id.
        public var id: String
        /// Lesson title.
        public var title: String
        /// Step ids in order.
        public var steps: [String]
        /// Question ids in order.
        public var questions: [String]

        /// Makes a lesson summary.
        public init(id: String, title: String, steps: [String], questions: [String]) {
            self.id = id
            self.title = title
            self.steps = steps
            self.questions = questions
        }
    }

    /// One file of the pack: path, size in bytes, SHA-256 in lower-case hex.
    public struct FileRecord: Sendable, Equatable, Codable {
        /// Path inside the pack.
        public var path: String
        /// Size in bytes.
        public var size: Int64
        /// SHA-256 of the content, lower-case hex.
        public var sha256: String

        /// Makes a file record.
        public init(path: String, size: Int64, sha256: String) {
            self.path = path
            self.size = size
            self.sha256 = sha256
        }
    }

    /// Total bytes of the listed files.
    public var totalBytes: Int64 { files.reduce(0) { $0 + $1.size } }

    /// Number of questions across all lessons.
    public var questionCount: Int { lessons.reduce(0) { $0 + $1.questions.count } }
}

extension PackManifest {
    /// The manifest of `course`, given its files' records (course.json first, then assets).
    init(course: Course, files: [FileRecord], builtBy: String) {
        self.init(
            format: PackFormat.formatVersion,
            minReader: PackFormat.readerVersion,
            course: CourseInfo(
                id: course.id, version: course.version, title: course.title,
                titleEnglish: course.titleEnglish, language: course.language),
            lessons: course.lessons.map { lesson in
                LessonInfo(
                    id: lesson.id, title: lesson.title, steps: lesson.steps.map(\.id),
                    questions: lesson.quiz?.questions.map(\.id) ?? [])
            },
            files: files,
            builtBy: builtBy)
    }
}

/// The one JSON configuration every pack document uses: sorted keys, no pretty printing, slashes
/// unescaped, so the same value always gives the same bytes.
enum PackJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }
}
