import Foundation

/// A fresh folder for one test, removed when the value goes away.
public final class TemporaryFolder: @unchecked Sendable {
    /// The folder.
    public let url: URL

    /// Makes a folder named after `label` under the system's temporary folder.
    public init(_ label: String = "test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hocso-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    public func path(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Removes the folder now.
    public func remove() { try? FileManager.default.removeItem(at: url) }

    deinit { remove() }
}

/// A fresh temporary folder that the caller removes (`defer { try? FileManager.default.removeItem(at:) }`).
public func temporaryDirectory(_ label: String = "test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hocso-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension Program {
    /// The course folders in `Courses/`, sorted, as paths relative to the package root.
    public static func courseFolders() throws -> [String] {
        let courses = packageRoot.appendingPathComponent("Courses")
        return try FileManager.default.contentsOfDirectory(atPath: courses.path)
            .filter { FileManager.default.fileExists(atPath: courses.appendingPathComponent("\($0)/course.yaml").path) }
            .sorted()
            .map { "Courses/\($0)" }
    }
}
