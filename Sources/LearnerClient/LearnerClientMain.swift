import Foundation
import Packs
import ProgressStore
import TerminalText

/// What `hocso learn` was asked for.
public struct LearnerClientOptions: Sendable {
    /// The centre database (default: `CentreStore.defaultPath`).
    public var databasePath: String?
    /// The content store (default: `ContentStore.defaultRoot`).
    public var storePath: String?
    /// `vi` or `en` (default: from the locale, else Vietnamese).
    public var language: String?
    /// Sign this learner in at once.
    public var learner: String?
    /// Draw the first screen and exit (for measuring start-up).
    public var firstScreenAndExit: Bool

    /// Makes options.
    public init(
        databasePath: String? = nil, storePath: String? = nil, language: String? = nil, learner: String? = nil,
        firstScreenAndExit: Bool = false
    ) {
        self.databasePath = databasePath
        self.storePath = storePath
        self.language = language
        self.learner = learner
        self.firstScreenAndExit = firstScreenAndExit
    }
}

/// Why the client could not start, in words for the centre's staff.
public struct LearnerClientError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    public let description: String
}

/// The learner client's entry point: opens the stores, picks the terminal, runs the screens.
public enum LearnerClientMain {
    /// Runs the client until the learner leaves. Throws only before the screen is taken over.
    public static func run(_ options: LearnerClientOptions) throws {
        let environment = ProcessInfo.processInfo.environment
        let strings = Strings.choose(flag: options.language, environment: environment)
        let content = ContentStore(root: options.storePath.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
        if try content.installedCourses().isEmpty {
            throw LearnerClientError(
                description: "\(strings.noCourses) \(strings.installHint) (--store \(content.root.path))")
        }
        let store = try CentreStore(
            path: options.databasePath.map { URL(fileURLWithPath: $0) } ?? CentreStore.defaultPath)
        try store.ensureDemoLearner()
        let backend = CentreBackend(store: store, content: content)

        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let colorMode = ColorMode.automatic(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment)
        let terminal: any Terminal = interactive ? RawTerminal() : LineTerminal()
        let app = LearnerApp(
            backend: backend, strings: strings, environment: .live, usesKeys: terminal.usesKeys, colorMode: colorMode,
            learnerCode: options.learner)
        let runner = ClientRunner(app: app, terminal: terminal)
        if options.firstScreenAndExit {
            runner.drawFirstScreen()
        } else {
            runner.run()
        }
    }
}
