import Foundation
import Testing

/// Golden files: what people read (screens, reports, documents), compared byte for byte and
/// re-recorded with `RECORD_SNAPSHOTS=1` — then review the diff before committing.
///
/// In CI (`CI` set) recording is refused: a run there must check, never rewrite.
public enum Golden {
    /// Whether this run re-records golden files.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Whether the run is in CI.
    public static var isCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// Records an issue when recording was asked for in CI (the old `RECORD_GOLDEN` too).
    public static func refuseRecordingInCI(sourceLocation: SourceLocation = #_sourceLocation) {
        let environment = ProcessInfo.processInfo.environment
        guard isCI, environment["RECORD_SNAPSHOTS"] != nil || environment["RECORD_GOLDEN"] != nil else { return }
        Issue.record(
            "RECORD_SNAPSHOTS is set in CI: golden files are checked there, never rewritten",
            sourceLocation: sourceLocation)
    }

    /// Checks `text` against the golden file at `url` (re-recording it when asked).
    public static func check(_ text: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        refuseRecordingInCI(sourceLocation: sourceLocation)
        let actual = Data(text.utf8)
        if isRecording && !isCI {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url)
            } catch {
                Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record(
                "missing golden file \(url.lastPathComponent); run with RECORD_SNAPSHOTS=1 to record it",
                sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let actualLines = text.components(separatedBy: "\n")
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
        let location =
            first.map {
                "line \($0.offset + 1): expected \($0.element.0.debugDescription), got \($0.element.1.debugDescription)"
            } ?? "expected \(expectedLines.count) lines, got \(actualLines.count)"
        Issue.record(
            "\(url.lastPathComponent) differs from the golden file, first at \(location); re-record with RECORD_SNAPSHOTS=1 and review the diff",
            sourceLocation: sourceLocation)
    }

    /// Checks `lines` (joined with `\n`, ending in one) against the golden file at `url`.
    public static func check(_ lines: [String], against url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        check(lines.joined(separator: "\n") + "\n", against: url, sourceLocation: sourceLocation)
    }
}
