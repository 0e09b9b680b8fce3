import Foundation
import GRDB
import HubStore

extension ReportDatabase {
    /// A hub database holding one centre's events, for running the same reports on a centre.
    ///
    /// The centre database is opened read-only; its events go through the hub store's own
    /// `insert` into a temporary hub database in memory (`/dev/shm` when the system has it, else
    /// the temporary folder), deleted when `body` returns.
    public static func withCentre<T>(at centrePath: URL, _ body: (ReportDatabase) throws -> T) throws -> T {
        var config = Configuration()
        config.readonly = true
        let centre: DatabaseQueue
        do {
            centre = try DatabaseQueue(path: centrePath.path, configuration: config)
        } catch {
            throw ReportError(.notFound, "cannot open the centre database '\(centrePath.path)'")
        }
        let memory = URL(fileURLWithPath: "/dev/shm")
        let base = FileManager.default.fileExists(atPath: memory.path) ? memory : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("hocso-centre-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = try ReportDatabase(path: folder.appendingPathComponent("hub.sqlite"))
        do {
            let (nodeId, names) = try centre.read { db -> (String, [(String, String)]) in
                guard let node = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'node_id'") else {
                    throw ReportError(.invalid, "'\(centrePath.path)' is not a centre database (no node id)")
                }
                let names = try Row.fetchAll(db, sql: "SELECT code, display_name FROM learners").map {
                    ($0[0] as String, $0[1] as String)
                }
                return (node, names)
            }
            // A placeholder key: this temporary hub only reads; it never verifies signatures.
            _ = try hub.store.register(
                Center(nodeId: nodeId, publicKey: Data(count: 32).base64EncodedString(), name: nodeId, registeredAt: 0))
            var after: Int64 = 0
            while true {
                let batch = try centre.read { db in
                    try Row.fetchAll(
                        db,
                        sql: """
                            SELECT seq, kind, learner, occurred_at, recorded_at, course_id, course_version, lesson_id, item_id,
                                attempt, payload FROM events WHERE seq > ? ORDER BY seq LIMIT 50000
                            """, arguments: [after]
                    ).map { row in
                        HubEvent(
                            nodeId: nodeId, seq: row["seq"], kind: row["kind"], learner: row["learner"],
                            occurredAt: row["occurred_at"], recordedAt: row["recorded_at"], courseId: row["course_id"],
                            courseVersion: row["course_version"], lessonId: row["lesson_id"], itemId: row["item_id"],
                            attempt: row["attempt"], payload: row["payload"])
                    }
                }
                guard let last = batch.last else { break }
                _ = try hub.store.insert(batch, via: nodeId, receivedAt: last.recordedAt)
                after = last.seq
            }
            // Names stay at the centre in events; the centre's own table has them.
            try hub.write { db in
                for (code, name) in names {
                    try db.execute(
                        sql: "UPDATE learners SET display_name = ? WHERE node_id = ? AND code = ?",
                        arguments: [name, nodeId, code])
                }
            }
        } catch let error as ReportError {
            throw error
        } catch let error as HubStoreError {
            throw ReportError(.storage, error.message)
        } catch {
            throw ReportError(.storage, "cannot read the centre database '\(centrePath.path)'")
        }
        return try body(hub)
    }
}
