import CanonicalJSON
import Foundation

/// Reading a compiled course (`course.json`): the one entry point packs and the content store use.
///
/// `JSONDecoder` through the `Codable` conformances is the plain path and its verdict is the one
/// that counts. Installing a pack decodes the whole course, and for a large course the typed
/// decode was most of the install (docs/benchmarks.md), so the lessons — nearly all of the bytes —
/// are read by CourseJSON+LessonReader.swift, which builds the same values straight from the
/// bytes. It takes only the canonical form the compiler writes; on anything else (a key it does
/// not know, a `null`, an escaped surrogate, a legacy spelling, malformed JSON) it gives up and
/// the whole document goes to `JSONDecoder`, so an unusual or hostile course gets exactly the
/// plain path's course or error. `CourseJSONTests` holds the two to the same verdict.
public enum CourseJSON {
    /// Decodes a compiled course, or throws `JSONDecoder`'s error.
    public static func decode(_ data: Data) throws -> Course {
        if let course = decodeLessonsDirectly(data) { return course }
        return try JSONDecoder().decode(Course.self, from: data)
    }

    /// The fast path alone: the course, or nil where it leaves the document to `JSONDecoder`.
    ///
    /// The course's own fields (a few hundred bytes: titles, sources, facts, competences) still go
    /// through `JSONDecoder`, in a copy of the document whose `lessons` array is empty; the lessons
    /// are read directly.
    public static func decodeLessonsDirectly(_ data: Data) -> Course? {
        data.withUnsafeBytes { raw -> Course? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var reader = CanonicalJSONReader(bytes: bytes)
            guard let (lessons, rest) = try? reader.courseSplittingLessons(),
                var course = try? JSONDecoder().decode(Course.self, from: rest)
            else { return nil }
            course.lessons = lessons
            return course
        }
    }
}
