import Foundation
import TestSupport
import Testing

/// The operator's commands on the centre database, run as the operator runs them.
@Suite("hocso center: which commands may make a database, the key file, a full disk")
struct CentreDatabaseEndToEndTests {
    /// Every command that reads or writes an existing centre database, none of which may make one.
    static let commandsNeedingADatabase: [[String]] = [
        ["center", "doctor"],
        ["center", "learners", "list"],
        ["sync", "status"],
        ["sync", "export", "--to", "usb"],
        ["report", "completion"],
    ]

    @Test(arguments: commandsNeedingADatabase)
    func commandOnAMistypedPathMakesNoFolderAndNoDatabase(command: [String]) throws {
        let work = try TemporaryFolder("centre-db")
        let mistyped = work.path("trung-tam/centre.sqlite")
        let result = try Program.hocso.run(command + ["--db", mistyped.path], in: work.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("there is no centre database at '\(mistyped.path)'"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: work.path("trung-tam").path))
    }

    @Test func onlySetUpAndRegistrationMakeADatabase() throws {
        let work = try TemporaryFolder("centre-db")
        let first = try Program.hocso.run(["center", "init", "--db", work.path("a/centre.sqlite").path])
        #expect(first.status == 0)
        #expect(FileManager.default.fileExists(atPath: work.path("a/centre.sqlite").path))
        let demo = try Program.hocso.run(["center", "demo", "--db", work.path("b/centre.sqlite").path])
        #expect(demo.status == 0)
        let added = try Program.hocso.run([
            "center", "learners", "add", "--db", work.path("c/centre.sqlite").path, "--name", "Lò Thị Mai",
            "--birth-year", "1990", "--commune", "Xã Mường Lầm",
        ])
        #expect(added.status == 0)
    }

    /// A new database on a full disk used to leave a 0-byte file that every later command
    /// tripped over. The file-size limit stands in for the full disk.
    @Test func aFullDiskLeavesNoHalfMadeDatabase() throws {
        let work = try TemporaryFolder("centre-db")
        let db = work.path("centre.sqlite")
        // SIGXFSZ ignored, as the kernel then reports EFBIG to the write like ENOSPC.
        let result = try Program.run(
            "/bin/bash",
            ["-c", "trap '' XFSZ; ulimit -f 4; exec \"$0\" center init --db \"$1\"", Program.hocso.url.path, db.path])
        let said = result.stderr
        #expect(result.status != 0)
        #expect(said.contains("disk") || said.contains("cannot be made"), "\(said)")
        #expect(!said.contains("SQLite error"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.url.path).isEmpty)
        // With room again, the same command makes the database.
        #expect(try Program.hocso.run(["center", "init", "--db", db.path]).status == 0)
    }

    @Test func movingACentreBringsItsKeyApartFromItsDatabase() throws {
        let work = try TemporaryFolder("centre-db")
        let old = work.path("old/centre.sqlite")
        #expect(try Program.hocso.run(["center", "init", "--db", old.path, "--name", "Tân Phú"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: work.path("old/centre.key").path))
        let added = try Program.hocso.run([
            "center", "learners", "add", "--db", old.path, "--code", "MAI1", "--name", "Lò Thị Mai",
            "--birth-year", "1990", "--commune", "Xã Mường Lầm",
        ])
        #expect(added.status == 0)
        let exported = try Program.hocso.run([
            "center", "init", "--db", old.path, "--export-key", work.path("usb/centre.key").path,
        ])
        #expect(exported.status == 0, "\(exported.stderr)")

        // The new computer gets the database first: it cannot sign until the key arrives.
        let new = work.path("new/centre.sqlite")
        try FileManager.default.createDirectory(at: work.path("new"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: old, to: new)
        let unsigned = try Program.hocso.run(["sync", "export", "--db", new.path, "--to", work.path("out").path])
        #expect(unsigned.status != 0)
        #expect(unsigned.stderr.contains("--import-key"))
        let imported = try Program.hocso.run([
            "center", "init", "--db", new.path, "--import-key", work.path("usb/centre.key").path,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let signed = try Program.hocso.run(["sync", "export", "--db", new.path, "--to", work.path("out").path])
        #expect(signed.status == 0, "\(signed.stderr)")
    }
}
