import Foundation
import TestSupport
import Testing

/// What the loader maps when `hocso` starts: every learner pays for it at every start.
@Suite struct StartupLibraryTests {
    /// Linking libarchive made each start map it and the nine libraries it brings (XML,
    /// ICU, lzma, nettle…), ~2 MB for a program that reads no archive; it is opened on first use.
    @Test func hocsoStartsWithoutMappingLibarchive() throws {
        guard RequiredTool.available("ldd") else { return }
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: try #require(RequiredTool.path("ldd")))
        ldd.arguments = [Program.hocso.url.path]
        let output = Pipe()
        ldd.standardOutput = output
        try ldd.run()
        let listing = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        #expect(listing.contains("libsqlite3"), "ldd listed the program's libraries: \(listing)")
        for library in ["libarchive", "libxml2", "libicuuc", "liblzma"] {
            #expect(!listing.contains(library), "\(library) is mapped at start:\n\(listing)")
        }
        // The library is still found when an archive is read: `pack verify` of a file that is
        // not a pack reaches libarchive and answers with its sentence, not a load failure.
        let folder = try temporaryDirectory("startup-libraries")
        defer { try? FileManager.default.removeItem(at: folder) }
        let notAPack = folder.appendingPathComponent("not-a-pack.hspack")
        try Data("plain text".utf8).write(to: notAPack)
        let verify = try Program.hocso.run(["pack", "verify", notAPack.path])
        #expect(verify.status != 0)
        #expect(!verify.stderr.contains("libarchive13"), "\(verify.stderr)")
    }
}
