import Foundation
import HubBackends
import HubStore
import HubStorePostgres
import TestSupport
import Testing

/// What a coordinator reads when the PostgreSQL database cannot be used: one sentence per cause,
/// in both languages, never the driver's text.
@Suite("PostgreSQL failures")
struct PostgresFailureTests {
    @Test func anUnreachableServerIsNamed() throws {
        let folder = try temporaryDirectory("nopg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Program.hub.run(["centers", "list", "--db", "postgres://hocso@/hub?host=\(folder.path)"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot reach the PostgreSQL server"))
        let vi = try Program.hub.run(
            ["centers", "list", "--db", "postgres://hocso@/hub?host=\(folder.path)"], environment: ["HOCSO_LANG": "vi"])
        #expect(vi.stderr.contains("không kết nối được máy chủ PostgreSQL"))
    }

    @Test func aMissingDatabaseSaysToCreateIt() throws {
        guard let server = Backend.postgresServer else {
            _ = try Backend.postgres.open()
            return
        }
        let url = Backend.url(server.database("hocso_no_such_database"))
        let result = try Program.hub.run(["centers", "list", "--db", url])
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not exist: create it first"), "\(result.stderr)")
    }

    @Test func aBadURLIsRefusedBeforeConnecting() throws {
        #expect(PostgresLocation(url: "postgres://") != nil)
        #expect(PostgresLocation(url: "hub.sqlite") == nil)
        let location = try #require(PostgresLocation(url: "postgres://an:p%40ss@db.example:6543/tinh"))
        #expect(location.user == "an" && location.password == "p@ss" && location.port == 6543)
        #expect(location.database == "tinh" && location.host == "db.example")
        #expect(!location.description.contains("p@ss"))
        let socket = try #require(PostgresLocation(url: "postgres://hocso@/hub?host=/run/postgresql"))
        #expect(socket.socketFolder == "/run/postgresql" && socket.host == nil && socket.database == "hub")
    }
}
