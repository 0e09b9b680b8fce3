import ArgumentParser
import Foundation
import Localization

/// `--lang vi|en`, which every command takes; without it the language comes from `HOCSO_LANG`
/// or the locale (`Language.resolve`).
public struct LanguageOption: ParsableArguments {
    /// The flag's value as given.
    @Option(name: .long, help: "Ngôn ngữ: vi hoặc en. Language: vi or en.")
    public var lang: String?

    /// Makes the option (ArgumentParser fills it).
    public init() {}

    /// Refuses a value that names neither language.
    public func validate() throws {
        if let lang, Language(code: lang) == nil {
            throw ValidationError("--lang phải là vi hoặc en. --lang must be vi or en.")
        }
    }

    /// The language to speak.
    public var language: Language { Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) }
}

extension Language: ExpressibleByArgument {
    /// Reads `vi`, `en` (and locale-like spellings such as `en_GB`).
    public init?(argument: String) { self.init(code: argument) }
}
