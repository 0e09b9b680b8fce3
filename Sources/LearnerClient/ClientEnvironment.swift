import Foundation

/// The effects the screens use besides the terminal: the clock and the voice.
public struct ClientEnvironment: Sendable {
    /// Milliseconds since 1970 UTC.
    public var now: @Sendable () -> Int64
    /// Read-aloud.
    public var speaker: Speaker

    /// Makes an environment.
    public init(now: @escaping @Sendable () -> Int64, speaker: Speaker) {
        self.now = now
        self.speaker = speaker
    }

    /// The real clock and `espeak-ng`.
    public static var live: ClientEnvironment {
        ClientEnvironment(now: { Int64(Date().timeIntervalSince1970 * 1000) }, speaker: .live())
    }
}

/// Reads text aloud without blocking input.
public struct Speaker: Sendable {
    /// Whether a voice is installed.
    public var isAvailable: @Sendable () -> Bool
    /// Starts speaking `text` in `language` (`vi`, `en`), stopping whatever was being said.
    public var speak: @Sendable (_ text: String, _ language: String) -> Void
    /// Stops speaking.
    public var stop: @Sendable () -> Void

    /// Makes a speaker.
    public init(
        isAvailable: @escaping @Sendable () -> Bool, speak: @escaping @Sendable (String, String) -> Void,
        stop: @escaping @Sendable () -> Void = {}
    ) {
        self.isAvailable = isAvailable
        self.speak = speak
        self.stop = stop
    }

    /// A speaker with no voice.
    public static let silent = Speaker(isAvailable: { false }, speak: { _, _ in })

    /// `espeak-ng` when it is on `PATH` (`espeak-ng -v vi`), else none.
    public static func live(environment: [String: String] = ProcessInfo.processInfo.environment) -> Speaker {
        guard let path = findExecutable("espeak-ng", path: environment["PATH"] ?? "/usr/bin:/bin") else {
            return .silent
        }
        let voice = SpeechProcess(executable: path)
        return Speaker(isAvailable: { true }, speak: { voice.say($0, language: $1) }, stop: { voice.stop() })
    }

    static func findExecutable(_ name: String, path: String) -> String? {
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// The one `espeak-ng` process that may be speaking; a new request interrupts the old one.
final class SpeechProcess: @unchecked Sendable {
    // Guarded by `lock`: the client is single-threaded, but Process callbacks are not.
    private let lock = NSLock()
    private var current: Process?
    private let executable: String

    init(executable: String) { self.executable = executable }

    func say(_ text: String, language: String) {
        stop()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-v", language.hasPrefix("en") ? "en" : "vi", "--", text]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            lock.withLock { current = process }
        } catch {
            // No voice this time; reading goes on without it.
        }
    }

    func stop() {
        let running = lock.withLock { () -> Process? in
            defer { current = nil }
            return current
        }
        if let running, running.isRunning { running.terminate() }
    }
}
