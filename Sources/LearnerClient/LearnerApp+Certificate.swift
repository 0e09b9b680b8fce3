import CourseModel
import Localization
import TerminalText

extension LearnerApp {
    /// How long after issuing the result screen still announces a certificate: the quiz that
    /// completed the course, and a retake straight after, say it; later results do not.
    static let certificateNewFor: Int64 = 30 * 60 * 1000

    /// The lines that tell a learner who just completed the course that a certificate was
    /// issued and where to collect its printout; none otherwise.
    func certificateLines(_ state: ResultState, width: Int) -> [String] {
        guard state.result.passed, !state.isPractice, let learner, let course, !course.isSelfCheck,
            let notice = try? backend.certificateNotice(learner: learner.code, course: course),
            environment.now() - notice.issuedAt < Self.certificateNewFor
        else { return [] }
        let lines = Layout.indented(say(ClientText.certificateEarned), width: width).map {
            styler.apply(TextStyle(bold: true, foreground: .green), to: $0)
        }
        return [""] + lines + Layout.indented(say(ClientText.collectCertificate(safe(notice.centreName))), width: width)
    }
}
