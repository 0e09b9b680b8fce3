import CourseCompiler
import CourseModel
import Foundation
import Packs
import TestSupport

/// The search tests' courses (`Tests/Fixtures/search/`), compiled, packed, signed and installed
/// into a real content store in a temporary folder.
final class SearchCentre {
    let folder: TemporaryFolder
    let store: ContentStore
    let key = SigningKey.generate()

    /// The fixture courses, compiled.
    static let courses: [Course] = ["dinh-danh", "an-toan", "mat-khau-en"].map { compile(fixture($0)) }

    static func fixture(_ id: String) -> URL {
        Program.packageRoot.appendingPathComponent("Tests/Fixtures/search/\(id)")
    }

    static func compile(_ folder: URL) -> Course {
        let result = CourseCompiler().compile(courseAt: folder)
        guard let course = result.course else { preconditionFailure("\(folder.path): \(result.diagnostics)") }
        return course
    }

    /// A store with `courses` installed (the three fixtures by default).
    init(_ courses: [(course: Course, folder: URL)]? = nil) throws {
        folder = try TemporaryFolder("search")
        store = ContentStore(root: folder.path("store"))
        try store.trust(key.publicKey, name: "trainer")
        let installs =
            courses ?? Self.courses.map { ($0, Self.fixture($0.id)) }
        for (course, courseFolder) in installs { try install(course, from: courseFolder) }
    }

    /// Builds and installs one course's pack.
    func install(_ course: Course, from courseFolder: URL) throws {
        let pack = try PackBuilder().build(
            course: course, courseFolder: courseFolder, into: folder.path("packs"), signingKey: key)
        try store.install(pack: pack)
    }
}
