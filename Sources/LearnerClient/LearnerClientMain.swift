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
    /// Run as a kiosk (nil: as the centre's settings say).
    public var kiosk: Bool?
    /// Minutes without a key before a kiosk signs its learner out (nil: the centre's setting).
    public var idleMinutes: Double?

    /// Makes options.
    public init(
        databasePath: String? = nil, storePath: String? = nil, language: Language = .vi, learner: String? = nil,
        kiosk: Bool? = nil, idleMinutes: Double? = nil
    ) {
        self.databasePath = databasePath
        self.storePath = storePath
        self.language = language
        self.learner = learner
        self.kiosk = kiosk
        self.idleMinutes = idleMinutes
    }
}

/// Why the client could not start, in words for the centre's staff.
public struct LearnerClientError: PhrasedError {
    /// What went wrong and what to do.
    public let phrase: Phrase
}

/// The learner client's entry point: opens the stores, picks the terminal, runs the screens.
public enum LearnerClientMain {
    /// Runs the client until the learner (or, in a kiosk, the operator) leaves. Throws only
    /// before the screen is taken over.
    public static func run(_ options: LearnerClientOptions) throws {
        let environment = ProcessInfo.processInfo.environment
        let content = ContentStore(root: options.storePath.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
        if content.installedFolders().isEmpty {
            let place = " (--store \(content.root.path))"
            throw LearnerClientError(
                phrase: ClientText.noCourses + .verbatim(" ") + ClientText.installHint + .verbatim(place))
        }
        let store = try CentreStore(
            path: options.databasePath.map { URL(fileURLWithPath: $0) } ?? CentreStore.defaultPath)
        try store.ensureDemoLearner()
        if let code = options.learner, try store.learner(code: code) == nil {
            throw LearnerClientError(phrase: ClientText.unknownLearner(ControlCharacters.replaced(in: code)))
        }
        let settings = try store.clientSettings()
        let kiosk = options.kiosk ?? settings.kiosk
        let idleMinutes = options.idleMinutes ?? (kiosk ? Double(settings.idleMinutes) : nil)
        let session = SessionOptions(
            kiosk: kiosk, idleLimitMs: idleMinutes.map { Int64(max(0.01, $0) * 60_000) })
        let backend = CentreBackend(store: store, content: content)

        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let colorMode = ColorMode.automatic(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment)
        let terminal: any Terminal = interactive ? RawTerminal() : LineTerminal()
        let app = LearnerApp(
            backend: backend, language: options.language, environment: .live, usesKeys: terminal.usesKeys,
            colorMode: colorMode, session: session, learnerCode: options.learner)
        ClientRunner(app: app, terminal: terminal).run()
    }
}
