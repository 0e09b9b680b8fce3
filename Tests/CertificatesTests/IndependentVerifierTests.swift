import Certificates
import Crypto
import Foundation
import TestSupport
import Testing

/// HocSo's credentials checked by a verifier written without HocSo's code (Python: PyPI's
/// `rfc8785`, `cryptography`, `base58`, installed by tools/setup-system), and the reverse:
/// HocSo's `hocso cert verify` accepting what that independent signer made.
@Suite(.serialized) struct IndependentVerifierTests {
    static let script = Program.packageRoot.appendingPathComponent("Tests/Support/independent-vc/eddsa_jcs_2022.py")

    /// Runs the Python helper; nil (with an issue recorded, a failure in CI) when Python or its
    /// packages are missing.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard RequiredTool.available("python3") else { return nil }
        let probe = try run(["-c", "import rfc8785, base58, cryptography"])
        guard probe.status == 0 else {
            let message = "python3 lacks rfc8785/base58/cryptography (tools/setup-system installs them)"
            if Golden.isCI {
                Issue.record(Comment(rawValue: message))
            } else {
                withKnownIssue(Comment(rawValue: message)) { Issue.record(Comment(rawValue: message)) }
            }
            return nil
        }
        return try run([script.path] + arguments)
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(RequiredTool.path("python3")))
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func write(_ json: JSONValue, in folder: URL, _ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try JCS.canonicalize(json).write(to: url)
        return url
    }

    @Test func theIndependentVerifierAcceptsHocSosCredentialAndDidKey() throws {
        let folder = try temporaryDirectory("vc")
        defer { try? FileManager.default.removeItem(at: folder) }
        let credential = try CredentialTests.issued()
        guard let result = try Self.python(["verify", try Self.write(credential, in: folder, "c.json").path]) else {
            return
        }
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "ok " + CredentialTests.issuer.did)
        // It can fail too: the same credential with the learner's name changed.
        let changed = CredentialTests.setting(
            credential, ["credentialSubject", "address", "addressLocality"], .string("Xã khác"))
        let refused = try #require(try Self.python(["verify", try Self.write(changed, in: folder, "t.json").path]))
        #expect(refused.status == 1)
        #expect(refused.output.contains("bad signature"))
    }

    @Test func hocsoVerifiesACredentialTheIndependentSignerMade() throws {
        let folder = try temporaryDirectory("vc")
        defer { try? FileManager.default.removeItem(at: folder) }
        let unsigned = try CredentialTests.issued().removing("proof")
        guard
            let signed = try Self.python(
                ["sign", try Self.write(unsigned, in: folder, "u.json").path, "2025-12-03T09:00:00Z"])
        else { return }
        #expect(signed.status == 0, "\(signed.output)")
        let file = folder.appendingPathComponent("signed.json")
        try Data(signed.output.utf8).write(to: file)
        let did = try #require(try JSONValue.parse(signed.output)["issuer"]?["id"]?.string)
        #expect(did != CredentialTests.issuer.did)
        let noCentre = ["HOCSO_DB": folder.appendingPathComponent("none.sqlite").path]
        let accepted = try Program.hocso.run(
            ["cert", "verify", file.path, "--trust", did, "--name", "Nguyễn Thị Lan"], environment: noCentre)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.hasPrefix("VALID"))
        let untrusted = try Program.hocso.run(["cert", "verify", file.path], environment: noCentre)
        #expect(untrusted.status == 1)
        #expect(untrusted.stderr.contains("is not trusted here"))
    }
}
