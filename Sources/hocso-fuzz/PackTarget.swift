import Foundation
import Localization
import Packs

/// `pack`: the pack reader on arbitrary bytes, through both doors, `pack verify` and
/// `pack install`, which must give the same verdict on every input (issue 13's differential).
///
/// Install runs into a scratch content store that allows reinstalling and downgrading and keeps
/// no free-space reserve, so its only reasons to differ from verify would be defects.
final class PackTarget: FuzzTarget {
    let name = "pack"
    let store = ContentStore(root: FuzzScratch.folder("pack-store"))
    let verifier = PackVerifier()
    let policy = InstallPolicy(reserveBytes: 0, allowDowngrade: true)

    func run(_ input: Data) {
        let source = PackSource.bytes(input, name: "fuzz.hspack")
        let verified: Result<PackInspection, PackError> = outcome { try verifier.verify(source) }
        let installed: Result<InstalledPack, PackError> = outcome { try store.install(source, policy: policy) }
        switch (verified, installed) {
        case (.success(let inspection), .success(let pack)):
            if inspection.manifest.course.id != pack.id || inspection.manifest.course.version != pack.version {
                FuzzCheck.fail(name, "verify and install read different courses")
            }
        case (.failure(let refusal), .failure(let other)):
            if refusal.kind != other.kind {
                FuzzCheck.fail(name, "verify refuses (\(refusal.kind)) and install refuses (\(other.kind))")
            }
        case (.success, .failure(let refusal)):
            FuzzCheck.fail(name, "verify accepts, install refuses: \(refusal.phrase.en)")
        case (.failure(let refusal), .success):
            FuzzCheck.fail(name, "verify refuses, install accepts: \(refusal.phrase.en)")
        }
    }

    /// The result of `body`; a refusal must be a worded `PackError`.
    private func outcome<T>(_ body: () throws -> T) -> Result<T, PackError> {
        do {
            return .success(try body())
        } catch let error as PackError {
            FuzzCheck.phrase(error.phrase, name)
            return .failure(error)
        } catch {
            FuzzCheck.fail(name, "threw \(type(of: error)), not a PackError")
        }
    }
}
