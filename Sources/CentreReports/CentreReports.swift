import CourseModel
import Foundation
import HubStore
import HubStoreSQLite
import Localization
import ProgressStore
import Reports

/// The coordinators' reports run on one centre's database, as a hub would count it.
public enum CentreReports {
    /// Builds a report over the centre database at `centrePath`.
    ///
    /// The centre database is opened read-only (nothing in it changes); its events go through
    /// the SQLite hub store's own `insert` into a temporary hub database (in `/dev/shm` when the
    /// system has it, else the temporary folder), deleted when the report is made. Learner
    /// names, which never leave a centre in events, come from the centre's own table.
    public static func report(_ query: ReportQuery, centreAt centrePath: URL, courses: [Course] = []) throws -> Report {
        let centre = try opening { try CentreStore.openReadOnly(at: centrePath) }
        let memory = URL(fileURLWithPath: "/dev/shm")
        let base = FileManager.default.fileExists(atPath: memory.path) ? memory : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("hocso-centre-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = try opening { try SQLiteHubStore(path: folder.appendingPathComponent("hub.sqlite")) }
        try opening {
            // A placeholder key: this temporary hub only counts; it never verifies signatures.
            _ = try hub.register(
                Center(
                    nodeId: centre.nodeId, publicKey: Data(count: 32).base64EncodedString(), name: centre.nodeId,
                    registeredAt: 0))
            var after: Int64 = 0
            while true {
                let batch = try centre.events(afterSeq: after, limit: 50_000)
                guard let last = batch.last else { break }
                _ = try hub.insert(batch, via: centre.nodeId, receivedAt: last.recordedAt)
                after = last.seq
            }
            try hub.nameLearners(try centre.learners().map { ($0.code, $0.displayName) }, node: centre.nodeId)
            if !courses.isEmpty { try hub.saveOutlines(courses.map(CourseOutline.init)) }
        }
        return try HubReports(hub).report(query)
    }

    /// Runs `body`, turning the stores' errors into report errors that keep their sentences.
    private static func opening<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ProgressStoreError {
            throw ReportError(error.kind == .cannotOpen ? .notFound : .storage, error.phrase)
        } catch let error as HubStoreError {
            throw ReportError(.storage, error.phrase)
        }
    }
}
