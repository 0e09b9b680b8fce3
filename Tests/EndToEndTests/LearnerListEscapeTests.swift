import Foundation
import TestSupport
import Testing

/// Issue 13: `hocso center learners list` printed a stored name's escape sequences raw. Names
/// are refused with control characters now, but a database written by an older HocSo may hold
/// one: the list must still never send it to the terminal.
@Suite struct LearnerListEscapeTests {
    @Test func aStoredNameWithEscapesWasPrintedRaw() throws {
        let folder = try TemporaryFolder("list-escapes")
        defer { folder.remove() }
        let db = folder.url.appendingPathComponent("centre.sqlite")
        #expect(try Program.hocso.run(["center", "demo", "--db", db.path]).status == 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [
            db.path, "UPDATE learners SET display_name = 'Lan' || char(27) || '[2J' || char(7) WHERE code = 'DEMO'",
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let list = try Program.hocso.run(["center", "learners", "list", "--db", db.path])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("DEMO"))
        #expect(!list.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(list.stdout)")
    }
}
