import Foundation
import Localization
import Packs
import ProgressStore
import TerminalText

/// What `hocso learn` was asked for.
public struct LearnerClientOptions: Sendable {
    /// The centre database (default: `CentreStore.defaultPath`).
    public var databasePath: String?
    /// The content store (default: `ContentStore.defaultRoot`).
    public var storePath: String?
    /// The interface language.
    public var language: Language
    /// Sign this learner in at once.
    public var learner: String?

    /// Makes options.
    public init(databasePath: String? = nil, storePath: String? = nil, language: Language = .vi, learner: String? = nil)
    {
        self.databasePath = databasePath
        self.storePath = storePath
        self.language = language
        self.learner = learner
    }
}

/// Why the client could not start, in words for the centre's staff.
public struct LearnerClientError: PhrasedError {
    /// What went wrong and what to do.
    public let phrase: Phrase
}

/// The learner client's entry point: opens the stores, picks the terminal, runs the screens.
public enum LearnerClientMain {
    /// Runs the client until the learner leaves. Throws only before the screen is taken over.
    public static func run(_ options: LearnerClientOptions) throws {
        let environment = ProcessInfo.processInfo.environment
        let strings = Strings.forLanguage(options.language)
        let content = ContentStore(root: options.storePath.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
        if try content.installedCourses().isEmpty {
            let vi = Strings.forLanguage(.vi)
            let en = Strings.forLanguage(.en)
            let place = " (--store \(content.root.path))"
            throw LearnerClientError(
                phrase: Phrase(
                    vi: "\(vi.noCourses) \(vi.installHint)\(place)", en: "\(en.noCourses) \(en.installHint)\(place)"))
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
        ClientRunner(app: app, terminal: terminal).run()
    }
}
