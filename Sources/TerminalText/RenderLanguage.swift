import CourseModel

/// The language of the words the renderer adds around content (callout labels, "Picture").
public enum RenderLanguage: String, Sendable, Hashable, CaseIterable {
    /// Vietnamese, the default.
    case vi
    /// English.
    case en

    /// The language for a BCP 47 code such as `vi`, `en` or `en-GB`; Vietnamese when unknown.
    public init(code: String) {
        self = code.lowercased().hasPrefix("en") ? .en : .vi
    }
}

// Every word the renderer itself shows, one place per language.
extension RenderLanguage {
    /// The label that opens a callout.
    func label(for kind: CalloutKind) -> String {
        switch (self, kind) {
        case (.vi, .note): "LƯU Ý"
        case (.vi, .tip): "MẸO"
        case (.vi, .important): "QUAN TRỌNG"
        case (.vi, .warning): "CẢNH BÁO"
        case (.vi, .caution): "THẬN TRỌNG"
        case (.en, .note): "NOTE"
        case (.en, .tip): "TIP"
        case (.en, .important): "IMPORTANT"
        case (.en, .warning): "WARNING"
        case (.en, .caution): "CAUTION"
        }
    }

    /// The word that stands for a picture the terminal cannot show.
    var picture: String {
        switch self {
        case .vi: "Hình"
        case .en: "Picture"
        }
    }
}
