import Foundation

/// A `hocso-hub serve` child process; `url` is where it listens (read from its first line).
public final class HubServerProcess {
    /// The child process.
    public let process = Process()
    /// Where it listens.
    public private(set) var url = URL(string: "http://127.0.0.1")!

    /// Starts `hocso-hub serve` on `db` and waits for the line that says where it listens; its
    /// log (standard error) goes to `log` when given.
    public convenience init(db: URL, port: Int = 0, extra: [String] = [], log: URL? = nil) throws {
        try self.init(database: db.path, port: port, extra: extra, log: log)
    }

    /// Starts `hocso-hub serve --db database` (a SQLite path or a `postgres://` URL).
    public init(database: String, port: Int = 0, extra: [String] = [], log: URL? = nil) throws {
        process.executableURL = Program.hub.url
        process.arguments =
            ["serve", "--db", database, "--host", "127.0.0.1", "--port", String(port)] + extra
        let out = Pipe()
        process.standardOutput = out
        if let log {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        // Wait for the line that says the server listens: no sleeping, no timing.
        var buffer = Data()
        while !buffer.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { throw CocoaError(.fileReadUnknown) }
            buffer.append(chunk)
        }
        let line = String(decoding: buffer, as: UTF8.self).split(separator: "\n")[0]
        guard let range = line.range(of: "http://"), let parsed = URL(string: String(line[range.lowerBound...]))
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        url = parsed
    }

    /// Kills the server without warning (SIGKILL) and waits for it to be gone.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { kill() }
}
