import ArgumentParser
import CommandSupport
import CourseModel
import Foundation
import HubStore
import HubStoreSQLite
import Localization
import ReportCommands
import Reports

/// `hocso-hub report …`: the reports over this hub's database.
typealias HubReportCommand = ReportGroup<HubReportTarget>

/// Reports counted from the hub database.
enum HubReportTarget: ReportTarget {
    static let databaseHelp: ArgumentHelp = "Cơ sở dữ liệu của trạm. The hub database."

    static func report(_ query: ReportQuery, database: String?, courses: [Course]) throws -> Report {
        let path = database.map { URL(fileURLWithPath: $0) } ?? SQLiteHubStore.defaultPath
        guard FileManager.default.fileExists(atPath: path.path) else {
            throw Failure(
                Phrase(
                    vi: "không có cơ sở dữ liệu trạm ở '\(path.path)' (hãy dùng --db)",
                    en: "no hub database at '\(path.path)' (give --db)"))
        }
        let store = try SQLiteHubStore(path: path)
        if !courses.isEmpty { try store.saveOutlines(courses.map(CourseOutline.init)) }
        return try HubReports(store).report(query)
    }
}
