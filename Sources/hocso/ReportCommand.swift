import ArgumentParser
import CentreReports
import CommandSupport
import CourseModel
import Foundation
import Localization
import ProgressStore
import ReportCommands
import Reports

/// `hocso report …`: the coordinators' reports counted from this centre's database.
typealias ReportCommand = ReportGroup<CentreReportTarget>

/// Reports counted from the centre database.
enum CentreReportTarget: ReportTarget {
    static let databaseHelp: ArgumentHelp =
        "Cơ sở dữ liệu trung tâm (mặc định: $HOCSO_DB). The centre database (default: $HOCSO_DB)."

    static func report(_ query: ReportQuery, database: String?, courses: [Course]) throws -> Report {
        let path = database.map { URL(fileURLWithPath: $0) } ?? CentreStore.defaultPath
        return try CentreReports.report(query, centreAt: path, courses: courses)
    }
}
