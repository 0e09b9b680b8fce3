import Foundation
import Testing

/// Golden files under `Tests/Fixtures/terminal/`: compared byte for byte, re-recorded when
/// `RECORD_GOLDEN=1` is set (then review the diff before committing).
enum Golden {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// Checks `lines` (joined with `\n`, ending in one) against the golden file `name`.
    static func check(_ lines: [String], name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Fixtures.directory.appendingPathComponent(name)
        let actual = Data((lines.joined(separator: "\n") + "\n").utf8)
        if isRecording {
            try actual.write(to: url)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record(
                "missing golden file \(name); run with RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let actualLines = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
            let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let firstDifferenceText =
                firstDifference.map {
                    "line \($0.offset + 1): expected \($0.element.0.debugDescription), got \($0.element.1.debugDescription)"
                }
                ?? "expected \(expectedLines.count) lines, got \(actualLines.count)"
            Issue.record(
                "\(name) differs from the golden file, first at \(firstDifferenceText)", sourceLocation: sourceLocation)
        }
    }
}
