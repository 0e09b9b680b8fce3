import Foundation
import Localization

/// One fuzz target: a reader of untrusted bytes, run on any input without crashing.
///
/// A target may refuse its input (that is the point); it must not crash, hang, or refuse it
/// without saying why in both languages (`FuzzCheck`). Set-up (a hub database, a temporary
/// folder) is done once when the target is made, not per input.
protocol FuzzTarget: AnyObject {
    /// The name `HOCSO_FUZZ_TARGET` and `tools/fuzz` use.
    var name: String { get }
    /// Runs one input.
    func run(_ input: Data)
}

/// The targets by name.
enum FuzzTargets {
    /// Every target, in the order `tools/fuzz smoke` runs them.
    static let names = [
        "course", "course-json", "pack", "bundle", "event-lines", "receipt", "registration", "learners-csv",
        "areas-csv",
        "hub-request",
    ]

    /// Makes the target called `name`, or nil for an unknown name.
    static func make(_ name: String) -> (any FuzzTarget)? {
        switch name {
        case "course": return CourseTarget()
        case "course-json": return CourseJSONTarget()
        case "pack": return PackTarget()
        case "bundle": return BundleTarget()
        case "event-lines": return EventLinesTarget()
        case "receipt": return ReceiptTarget()
        case "registration": return RegistrationTarget()
        case "learners-csv": return LearnersCSVTarget()
        case "areas-csv": return AreasCSVTarget()
        case "hub-request": return HubRequestTarget()
        default: return nil
        }
    }
}

/// What every refusal must satisfy: a worded error (`PhrasedError`) with a sentence in each
/// language. Anything else is a finding, and stops the run like a crash so libFuzzer keeps the input.
enum FuzzCheck {
    /// Checks a thrown error.
    static func worded(_ error: any Error, _ target: String) {
        guard let phrased = error as? any PhrasedError else {
            fail(target, "threw \(type(of: error)), which is not worded (not a PhrasedError)")
        }
        phrase(phrased.phrase, target)
    }

    /// Checks a sentence shown to a person.
    static func phrase(_ phrase: Phrase, _ target: String) {
        if phrase.vi.isEmpty || phrase.en.isEmpty {
            fail(target, "gave an empty sentence: vi '\(phrase.vi)', en '\(phrase.en)'")
        }
    }

    /// Stops the run: libFuzzer saves the input that got here as a crash.
    static func fail(_ target: String, _ what: String) -> Never {
        fatalError("hocso-fuzz \(target): \(what)")
    }
}

/// Each process's scratch folder (under `TMPDIR`), removed when the process ends normally.
enum FuzzScratch {
    /// The folder, made on first use.
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hocso-fuzz-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try? FileManager.default.removeItem(at: url)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            FuzzCheck.fail("set-up", "cannot make the scratch folder \(url.path)")
        }
        return url
    }()

    /// A folder of its own inside the scratch folder, made empty.
    static func folder(_ name: String) -> URL {
        let url = root.appendingPathComponent(name, isDirectory: true)
        try? FileManager.default.removeItem(at: url)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            FuzzCheck.fail("set-up", "cannot make \(url.path)")
        }
        return url
    }

    /// Writes `data` to `url`, replacing what was there.
    static func write(_ data: Data, to url: URL) {
        guard FileManager.default.createFile(atPath: url.path, contents: data) else {
            FuzzCheck.fail("set-up", "cannot write \(url.path)")
        }
    }

    /// Removes the scratch folder.
    static func removeAll() { try? FileManager.default.removeItem(at: root) }
}
