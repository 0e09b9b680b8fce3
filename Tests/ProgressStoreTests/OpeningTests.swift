import Foundation
import GRDB
import Testing

@testable import ProgressStore

/// What opening a centre database may and may not do: only set-up makes one, and anything that
/// is not this HocSo's centre database is refused with nothing changed.
@Suite struct OpeningTests {
    /// The bytes of the file at `url` (empty when there is none).
    static func bytes(_ url: URL) -> Data { FileManager.default.contents(atPath: url.path) ?? Data() }

    @Test func openingAMissingDatabaseMakesNoFolderAndNoFile() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let path = db.folder.appendingPathComponent("mistyped/folder/centre.sqlite")
        #expect {
            try CentreStore(path: path)
        } throws: { ($0 as? ProgressStoreError)?.kind == .cannotOpen }
        #expect(throws: ProgressStoreError.self) { try CentreStore.openReadOnly(at: path) }
        #expect(!FileManager.default.fileExists(atPath: db.folder.appendingPathComponent("mistyped").path))
    }

    @Test func anotherSQLiteFileIsRefusedUnchanged() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let other = try DatabaseQueue(path: db.path.path)
        try other.write { try $0.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)") }
        try other.close()
        let before = Self.bytes(db.path)
        for mode in [CentreStore.OpenMode.existing, .createIfMissing] {
            #expect {
                try CentreStore(path: db.path, mode: mode)
            } throws: { ($0 as? ProgressStoreError)?.phrase.en.contains("is not a HocSo centre database") == true }
        }
        #expect(throws: ProgressStoreError.self) { try CentreStore.openReadOnly(at: db.path) }
        #expect(Self.bytes(db.path) == before)
    }

    /// Ways a database can come from a newer HocSo, or be changed behind HocSo's back.
    static let newerOrChanged: [(String, String)] = [
        ("PRAGMA user_version = 99", "made by a newer HocSo"),
        (
            "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')",
            "made by a newer HocSo"
        ),
        ("ALTER TABLE learners ADD COLUMN phone TEXT", "changed outside HocSo"),
        ("CREATE INDEX learners_by_name ON learners (display_name)", "changed outside HocSo"),
        ("DROP TRIGGER events_are_append_only_delete", "changed outside HocSo"),
    ]

    @Test(arguments: newerOrChanged)
    func aNewerOrChangedDatabaseIsRefusedByNameUnchanged(change: String, sentence: String) throws {
        let db = try TestDatabase()
        defer { db.remove() }
        _ = try db.open()
        let queue = try DatabaseQueue(path: db.path.path)
        try queue.writeWithoutTransaction { try $0.execute(sql: change) }
        try queue.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        try queue.close()
        let before = Self.bytes(db.path)
        #expect {
            try db.open()
        } throws: { ($0 as? ProgressStoreError)?.phrase.en.contains(sentence) == true }
        #expect {
            try CentreStore.openReadOnly(at: db.path)
        } throws: { ($0 as? ProgressStoreError)?.phrase.en.contains(sentence) == true }
        #expect(Self.bytes(db.path) == before)
    }

    @Test func anEmptyFileCountsAsNoDatabase() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        #expect(FileManager.default.createFile(atPath: db.path.path, contents: Data()))
        #expect {
            try CentreStore(path: db.path)
        } throws: { ($0 as? ProgressStoreError)?.phrase.en.contains("there is no centre database") == true }
        let made = try CentreStore(path: db.path, mode: .createIfMissing)
        #expect(try made.eventCount == 0)
    }

    @Test func aNewDatabaseLeavesNoTemporaryFileBehind() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        _ = try CentreStore(path: db.path, mode: .createIfMissing)
        let left = try FileManager.default.contentsOfDirectory(atPath: db.folder.path).filter { $0.hasSuffix(".new") }
        #expect(left.isEmpty)
    }
}

/// The centre's private key lives in a file of its own, never in the database.
@Suite struct KeyFileTests {
    static let publicKey = "MCowBQYDK2VwAyEAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    static let privateKey = "c2VjcmV0LXNlZWQtb2YtdGhpcnR5LXR3by1ieXRlcyE="

    @Test func aCopiedDatabaseCannotSignAsTheCentre() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        _ = try store.createSyncIdentity(name: "Tân Phú", publicKey: Self.publicKey, privateKey: Self.privateKey)
        try store.pool.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        #expect(!String(decoding: OpeningTests.bytes(db.path), as: UTF8.self).contains(Self.privateKey))
        let mode = try FileManager.default.attributesOfItem(atPath: store.keyFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.signingKey()?.privateKey == Self.privateKey)

        // The database alone, copied elsewhere: no key comes with it.
        let copy = db.folder.appendingPathComponent("copy/centre.sqlite")
        try FileManager.default.createDirectory(
            at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: db.path, to: copy)
        let copied = try CentreStore(path: copy)
        #expect {
            try copied.signingKey()
        } throws: { ($0 as? ProgressStoreError)?.phrase.en.contains("--import-key") == true }

        // Moving the centre on purpose: export, then import on the new computer.
        let carried = db.folder.appendingPathComponent("carried.key")
        try store.exportSigningKey(to: carried)
        #expect(throws: ProgressStoreError.self) { try store.exportSigningKey(to: carried) }  // never overwritten
        _ = try copied.importSigningKey(from: carried)
        #expect(try copied.signingKey()?.privateKey == Self.privateKey)
    }

    @Test func aKeyOthersCanReadOrOfAnotherCentreIsRefused() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        _ = try store.createSyncIdentity(name: "Tân Phú", publicKey: Self.publicKey, privateKey: Self.privateKey)
        chmod(store.keyFile.path, 0o644)
        #expect {
            try store.signingKey()
        } throws: { ($0 as? ProgressStoreError)?.phrase.en.contains("chmod 600") == true }
        chmod(store.keyFile.path, 0o600)

        let stranger = db.folder.appendingPathComponent("stranger.key")
        try CentreKeyFile.write(
            CentreKey(nodeId: "n-aaaaaaaaaaaaaaaa", publicKey: Self.publicKey, privateKey: Self.privateKey),
            to: stranger, replacing: false)
        #expect {
            try store.importSigningKey(from: stranger)
        } throws: { ($0 as? ProgressStoreError)?.phrase.en.contains("belongs to centre n-aaaaaaaaaaaaaaaa") == true }
        #expect(try store.signingKey()?.nodeId == store.nodeId)
    }

    @Test func aVersion5DatabaseMovesItsKeyOutWhenOpened() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let queue = try DatabaseQueue(path: db.path.path)
        try Schema.migrator(keyFile: nil).migrate(queue, upTo: "v5-event-kinds-table")
        try queue.write { conn in
            let node = try String.fetchOne(conn, sql: "SELECT value FROM meta WHERE key = 'node_id'") ?? ""
            try conn.execute(
                sql: "INSERT INTO sync_identity VALUES (?, 'Tân Phú', ?, ?, 1)",
                arguments: [node, Self.publicKey, Self.privateKey])
        }
        try queue.close()
        let store = try db.open()
        #expect(try store.signingKey()?.privateKey == Self.privateKey)
        let columns = try store.pool.read { try $0.columns(in: "sync_identity").map(\.name) }
        #expect(!columns.contains("private_key"))
        #expect(try store.pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Schema.userVersion)
    }
}
