import Certificates
import CourseModel

extension CourseAchievement {
    /// The achievement of completing `course` at `version` (default: the course's own): its
    /// competence areas are the domains of Circular 02/2025 its competences belong to, else the
    /// DigComp areas it names.
    public init(course: Course, version: Int? = nil) {
        let domains = course.domains
        let areas =
            domains.isEmpty
            ? course.digcompAreas.map { ($0.nameVietnamese, $0.nameEnglish) }
            : domains.map { ($0.nameVietnamese, $0.nameEnglish) }
        self.init(
            courseId: course.id, version: version ?? course.version, title: course.title,
            titleEnglish: course.titleEnglish, areas: areas.map(\.0), areasEnglish: areas.map(\.1))
    }
}
