import Foundation
import TestSupport
import Testing

/// The real `hocso` binary on the real `Courses/`: check, build signed packs, verify, install, list.
/// Serialized: the steps share one set of packs, and each spawns real processes.
@Suite("hocso on Courses/", .serialized)
struct CoursesEndToEndTests {
    @Test func everyCourseChecksWithoutErrorsOrWarnings() throws {
        let courses = try Program.courseFolders()
        #expect(courses.count >= 2)
        let result = try Program.hocso.run(["course", "check"] + courses)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(!result.stdout.contains("warning:") && !result.stderr.contains("warning:"), "\(result.stderr)")
        #expect(!result.stdout.contains("error:") && !result.stderr.contains("error:"), "\(result.stderr)")
    }

    /// The facts register: every marked fact is within its age limit (the suite fails the day one
    /// falls due, so the courses are re-checked before they mislead anyone).
    @Test func everyFactOfTheCoursesIsWithinItsLimit() throws {
        let courses = try Program.courseFolders()
        let result = try Program.hocso.run(["course", "facts", "--lang", "en"] + courses)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(!result.stdout.contains("PAST ITS LIMIT"), "\(result.stdout)")
        #expect(!result.stderr.contains("warning:") && !result.stderr.contains("error:"), "\(result.stderr)")
        #expect(result.stderr.contains("; 0 past their limit; 0 errors, 0 warnings"), "\(result.stderr)")
    }

    @Test func courseFactsJSONNamesASourceAndADateForEveryFact() throws {
        let courses = try Program.courseFolders()
        let result = try Program.hocso.run(["course", "facts", "--json"] + courses)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let facts = try #require(json["facts"] as? [[String: Any]])
        #expect(facts.count >= 40)
        for fact in facts {
            let sources = fact["sources"] as? [String] ?? []
            #expect(!sources.isEmpty && sources.allSatisfy { $0.hasPrefix("https://") }, "\(fact["id"] ?? "?")")
            #expect((fact["checked"] as? String)?.count == 10)
        }
        let vietnamese = Set(courses.filter { !$0.hasSuffix("-en") }.map { String($0.dropFirst("Courses/".count)) })
        #expect(Set(facts.compactMap { $0["course"] as? String }).isSuperset(of: vietnamese))
    }

    @Test func courseCheckJSONListsEveryCourse() throws {
        let courses = try Program.courseFolders()
        let result = try Program.hocso.run(["course", "check", "--json"] + courses)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let listed = (json?["courses"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(listed.sorted() == courses.map { String($0.dropFirst("Courses/".count)) }.sorted())
    }

    @Test func signedPacksBuildVerifyInstallAndRebuildByteIdentical() throws {
        let work = try temporaryDirectory("e2e")
        defer { try? FileManager.default.removeItem(at: work) }
        let courses = try Program.courseFolders()
        let keys = work.appendingPathComponent("keys").path
        let first = work.appendingPathComponent("packs-1").path
        let second = work.appendingPathComponent("packs-2").path
        let store = work.appendingPathComponent("store").path

        let keygen = try Program.hocso.run(["keys", "generate", "trainer", "--dir", keys])
        #expect(keygen.status == 0, "\(keygen.stderr)")
        for output in [first, second] {
            let build = try Program.hocso.run(
                ["pack", "build"] + courses + ["-o", output, "--sign", keys + "/trainer.key"])
            #expect(build.status == 0, "\(build.stderr)")
        }

        let packs = try FileManager.default.contentsOfDirectory(atPath: first).filter { $0.hasSuffix(".hspack") }
            .sorted()
        #expect(packs.count == courses.count)
        for pack in packs {
            // Reproducible: the same sources give the same bytes, signature included.
            let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + pack))
            let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + pack))
            #expect(a == b, "\(pack) differs between two builds")

            // Readable by plain tar, manifest first.
            let tar = Process()
            tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            tar.arguments = ["tar", "--zstd", "-tf", first + "/" + pack]
            let pipe = Pipe()
            tar.standardOutput = pipe
            try tar.run()
            let listing = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            tar.waitUntilExit()
            #expect(tar.terminationStatus == 0)
            #expect(listing.split(separator: "\n").first == "manifest.json", "\(pack): \(listing.prefix(200))")

            let verify = try Program.hocso.run(["pack", "verify", first + "/" + pack, "--trust", keys + "/trainer.pub"])
            #expect(verify.status == 0, "\(pack): \(verify.stderr)")
        }

        let trust = try Program.hocso.run(["pack", "trust", "add", keys + "/trainer.pub", "--store", store])
        #expect(trust.status == 0, "\(trust.stderr)")
        let install = try Program.hocso.run(
            ["pack", "install"] + packs.map { first + "/" + $0 } + ["--store", store])
        #expect(install.status == 0, "\(install.stderr)")
        let list = try Program.hocso.run(["pack", "list", "--store", store, "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        for course in courses {
            #expect(list.stdout.contains("\"\(course.dropFirst("Courses/".count))\""), "\(course) not listed")
        }
    }

    @Test func aPackSignedByAnotherKeyIsRefused() throws {
        let work = try temporaryDirectory("e2e")
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = work.appendingPathComponent("keys").path
        _ = try Program.hocso.run(["keys", "generate", "trainer", "--dir", keys])
        _ = try Program.hocso.run(["keys", "generate", "stranger", "--dir", keys])
        let course = try #require(try Program.courseFolders().first)
        let packs = work.appendingPathComponent("packs").path
        let build = try Program.hocso.run(["pack", "build", course, "-o", packs, "--sign", keys + "/stranger.key"])
        #expect(build.status == 0, "\(build.stderr)")
        let pack = try #require(try FileManager.default.contentsOfDirectory(atPath: packs).first)
        let store = work.appendingPathComponent("store").path
        _ = try Program.hocso.run(["pack", "trust", "add", keys + "/trainer.pub", "--store", store])
        let install = try Program.hocso.run(["pack", "install", packs + "/" + pack, "--store", store])
        #expect(install.status == 1)
        #expect(install.stderr.split(separator: "\n").count == 1, "one clear sentence: \(install.stderr)")
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let result = try Program.hocso.run(["pack", "frobnicate"])
        #expect(result.status == 64)
    }
}
