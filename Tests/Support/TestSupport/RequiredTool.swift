import Foundation
import Testing

/// A program a test drives (tmux, chromium, zbarimg, psql…). `tools/setup-system` installs them
/// all; in CI a missing one fails the test loudly instead of skipping it.
public enum RequiredTool {
    /// The tool's path on `PATH`, nil when it is not installed.
    public static func path(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether the test may run: true when `name` is installed. Outside CI a missing tool is
    /// reported as a known issue and the test should return; in CI it is a failure.
    public static func available(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if path(name) != nil { return true }
        let message = "\(name) is not installed (tools/setup-system installs it); this test needs it"
        if Golden.isCI {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        } else {
            withKnownIssue(Comment(rawValue: message), isIntermittent: true) {
                Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            }
        }
        return false
    }
}
