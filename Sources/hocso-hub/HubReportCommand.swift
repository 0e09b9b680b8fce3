import ArgumentParser
import CommandSupport
import CourseModel
import Foundation
import HubStore
import HubStorePostgres
import Localization
import ReportCommands
import Reports

/// `hocso-hub report …`: the reports over this hub's database.
typealias HubReportCommand = ReportGroup<HubReportTarget>

/// Reports counted from the hub database.
enum HubReportTarget: ReportTarget {
    static let databaseHelp: ArgumentHelp = "Cơ sở dữ liệu của trạm. The hub database."

    static func report(_ query: ReportQuery, database: String?, courses: [Course]) throws -> Report {
        let location = HubDatabase.location(database)
        guard PostgresLocation.isURL(location) || FileManager.default.fileExists(atPath: location) else {
            throw Failure(
                Phrase(
                    vi: "không có cơ sở dữ liệu trạm ở '\(location)' (hãy dùng --db)",
                    en: "no hub database at '\(location)' (give --db)"))
        }
        let store = try HubDatabase.open(location)
        if !courses.isEmpty { try store.saveOutlines(courses.map(CourseOutline.init)) }
        return try HubReports(store).report(query)
    }
}
