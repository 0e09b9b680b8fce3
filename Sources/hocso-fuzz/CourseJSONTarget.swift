import CourseModel
import Foundation

/// `course-json`: the input as a pack's `course.json`. `CourseJSON` reads lessons directly from
/// the bytes beside `JSONDecoder`; it may give up, but whatever it reads must be the course
/// `JSONDecoder` reads, and `CourseJSON.decode` must give `JSONDecoder`'s verdict.
final class CourseJSONTarget: FuzzTarget {
    let name = "course-json"

    func run(_ input: Data) {
        let plain = try? JSONDecoder().decode(Course.self, from: input)
        if let direct = CourseJSON.decodeLessonsDirectly(input) {
            guard let plain else { FuzzCheck.fail(name, "the direct reader accepted what JSONDecoder refuses") }
            if direct != plain { FuzzCheck.fail(name, "the direct reader read a different course") }
        }
        if (try? CourseJSON.decode(input)) != plain {
            FuzzCheck.fail(name, "CourseJSON.decode differs from JSONDecoder")
        }
    }
}
