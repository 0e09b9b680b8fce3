import Foundation
import TestSupport
import Testing

/// What the loader maps when `hocso` starts: every learner pays for it at every start.
@Suite struct StartupLibraryTests {
    /// Linking libarchive made each start map it and the nine libraries it brings (XML,
    /// ICU, lzma, nettle…), ~2 MB for a program that reads no archive; it is opened on first use.
    @Test func hocsoStartsWithoutMappingLibarchive() throws {
        guard RequiredTool.available("ldd") else { return }
        let listing = try Program.run(try #require(RequiredTool.path("ldd")), [Program.hocso.url.path]).stdout
        #expect(listing.contains("libsqlite3"), "ldd listed the program's libraries: \(listing)")
        for library in ["libarchive", "libxml2", "libicuuc", "liblzma"] {
            #expect(!listing.contains(library), "\(library) is mapped at start:\n\(listing)")
        }
        // The library is still found when an archive is read: `pack verify` of a file that is
        // not a pack reaches libarchive and answers with its sentence, not a load failure.
        let folder = try TemporaryFolder("startup-libraries")
        defer { folder.remove() }
        let notAPack = folder.path("not-a-pack.hspack")
        try Data("plain text".utf8).write(to: notAPack)
        let verify = try Program.hocso.run(["pack", "verify", notAPack.path])
        #expect(verify.status != 0)
        #expect(!verify.stderr.contains("libarchive13"), "\(verify.stderr)")
    }

    /// Without libarchive a pack command must say what to install, not call the pack damaged.
    /// libarchive is hidden in a private mount namespace (`unshare --mount`, root only).
    @Test func aMissingLibarchiveIsNamedWithThePackageToInstall() throws {
        guard RequiredTool.available("unshare") else { return }
        guard getuid() == 0 else {
            withKnownIssue("hiding libarchive needs root (CI runs as root)") {
                Issue.record("not root")
            }
            return
        }
        let library = "/usr/lib/x86_64-linux-gnu/libarchive.so.13"
        guard FileManager.default.fileExists(atPath: library) else {
            Issue.record("libarchive is not where Debian puts it: \(library)")
            return
        }
        let folder = try TemporaryFolder("no-libarchive")
        defer { folder.remove() }
        let empty = folder.path("empty")
        try Data().write(to: empty)
        let pack = folder.path("course.hspack")
        try Data("not read".utf8).write(to: pack)
        for (language, sentence) in [("en", "install the libarchive13 package"), ("vi", "cài gói libarchive13")] {
            let hidden = try Program.run(
                try #require(RequiredTool.path("unshare")),
                [
                    "--mount", "/bin/sh", "-c", "mount --bind \"$1\" \"$2\" && exec \"$3\" pack verify \"$4\"", "sh",
                    empty.path, library, Program.hocso.url.path, pack.path,
                ], environment: ["HOCSO_LANG": language])
            let said = hidden.stderr
            #expect(hidden.status != 0)
            #expect(said.contains(sentence), "\(language): \(said)")
            #expect(!said.contains("tar"), "not called a bad archive: \(said)")
        }
    }
}
