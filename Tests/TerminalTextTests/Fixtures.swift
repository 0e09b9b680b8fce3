import Foundation

/// Test data under `Tests/Fixtures/terminal/`, found beside this source file (tests never read shared folders).
enum Fixtures {
    /// `Tests/Fixtures/terminal/`.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/terminal")

    /// The Big List of Naughty Strings (see PROVENANCE.tsv beside it).
    static func naughtyStrings() throws -> [String] {
        let data = try Data(contentsOf: directory.appendingPathComponent("blns.json"))
        return try JSONDecoder().decode([String].self, from: data)
    }
}
