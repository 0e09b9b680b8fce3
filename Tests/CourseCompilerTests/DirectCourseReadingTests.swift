import CourseCompiler
import CourseModel
import Foundation
import TestSupport
import Testing

/// Install reads lessons with `CourseJSON`'s direct reader; if a real course fell back to
/// `JSONDecoder`, install would be correct but slow, and the speed-up would protect nothing.
@Suite("Every shipped course is read by the direct lesson reader, as JSONDecoder reads it")
struct DirectCourseReadingTests {
    @Test(arguments: try Program.courseFolders())
    func shippedCourseTakesTheDirectPath(_ folder: String) throws {
        let compiled = CourseCompiler().compile(courseAt: Program.packageRoot.appendingPathComponent(folder))
        let course = try #require(compiled.course, "\(folder) does not compile")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]  // as packs write course.json
        let data = try encoder.encode(course)
        let direct = try #require(CourseJSON.decodeLessonsDirectly(data), "\(folder) fell back to JSONDecoder")
        let plain = try JSONDecoder().decode(Course.self, from: data)
        let same = direct == course && direct == plain
        #expect(same, "\(folder) reads differently on the direct path")
    }
}
