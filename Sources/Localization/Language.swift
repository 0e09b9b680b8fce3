/// The interface languages HocSo speaks: Vietnamese first, English second.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    /// Tiếng Việt, the default.
    case vi
    /// English.
    case en

    /// The language named by a flag or setting value (`vi`, `en`, `vi_VN.UTF-8`, `en-GB`), nil
    /// when it names neither.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered.hasPrefix("vi") {
            self = .vi
        } else if lowered.hasPrefix("en") {
            self = .en
        } else {
            return nil
        }
    }

    /// The language to speak: `flag` (`--lang`) when given, else `HOCSO_LANG`, else the locale
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set), else Vietnamese.
    ///
    /// A locale that names another language (`C`, `POSIX`, `fr_FR`) gives Vietnamese: the people
    /// HocSo serves read Vietnamese, and CI machines run with `C.UTF-8`.
    public static func resolve(flag: String? = nil, environment: [String: String]) -> Language {
        if let flag, let language = Language(code: flag) { return language }
        if let setting = environment["HOCSO_LANG"], let language = Language(code: setting) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return Language(code: value) ?? .vi
        }
        return .vi
    }
}
