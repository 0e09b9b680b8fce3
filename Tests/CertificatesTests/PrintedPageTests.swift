import CertificatePrint
import Certificates
import Foundation
import TestSupport
import Testing

/// The printed page as a browser renders it: headless Chromium prints it to PNG, `zbarimg`
/// reads the QR code off the picture, and `hocso cert verify` accepts the text it read.
@Suite(.serialized) struct PrintedPageTests {
    @Test func theQRCodeOnTheRenderedPageDecodesAndVerifies() throws {
        guard RequiredTool.available("chromium"), RequiredTool.available("zbarimg") else { return }
        let folder = try temporaryDirectory("print")
        defer { try? FileManager.default.removeItem(at: folder) }
        let credential = try CredentialTests.issued()
        let html = try CertificatePage.html([try Certificate(credential)])
        let page = folder.appendingPathComponent("cert.html")
        try Data(html.utf8).write(to: page)
        for loader in ["src=", "<link", "@import", "url("] {
            #expect(!html.contains(loader), "the page loads nothing from a network: \(loader)")
        }

        // 794×1123 CSS px is A4 at 96 dpi; a scale of 4 renders it at about 384 dpi, like a print.
        let png = folder.appendingPathComponent("cert.png")
        let chromium = Process()
        chromium.executableURL = URL(fileURLWithPath: try #require(RequiredTool.path("chromium")))
        chromium.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--force-device-scale-factor=4",
            "--window-size=794,1123", "--screenshot=\(png.path)", page.absoluteString,
        ]
        chromium.standardOutput = FileHandle.nullDevice
        chromium.standardError = FileHandle.nullDevice
        try chromium.run()
        chromium.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: png.path))

        let zbar = Process()
        zbar.executableURL = URL(fileURLWithPath: try #require(RequiredTool.path("zbarimg")))
        zbar.arguments = ["-q", "--raw", png.path]
        let out = Pipe()
        zbar.standardOutput = out
        try zbar.run()
        let decoded = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        zbar.waitUntilExit()
        #expect(decoded == (try CompactForm.encode(credential)))

        let noCentre = ["HOCSO_DB": folder.appendingPathComponent("none.sqlite").path]
        let trust = ["--trust", CredentialTests.issuer.did]
        let fromQR = try Program.hocso.run(["cert", "verify", decoded] + trust, environment: noCentre)
        #expect(fromQR.status == 0, "\(fromQR.stderr)")
        #expect(fromQR.stdout.hasPrefix("VALID"))
        let fromPage = try Program.hocso.run(["cert", "verify", page.path] + trust, environment: noCentre)
        #expect(fromPage.status == 0, "\(fromPage.stderr)")
        let asSomeoneElse = try Program.hocso.run(
            ["cert", "verify", decoded, "--name", "Trần Văn Minh"] + trust, environment: noCentre)
        #expect(asSomeoneElse.status == 1)
        #expect(asSomeoneElse.stderr.contains("issued to someone else"))
    }
}
