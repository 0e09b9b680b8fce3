import CourseModel

/// The styles the renderer gives each kind of content; one place so screens stay consistent.
enum Theme {
    static let heading = TextStyle(bold: true, foreground: .yellow)
    static let minorHeading = TextStyle(bold: true)
    static let underline = TextStyle(dim: true)
    static let emphasis = TextStyle(italic: true)
    static let strong = TextStyle(bold: true)
    static let strikethrough = TextStyle(strikethrough: true)
    static let code = TextStyle(foreground: .cyan)
    static let linkText = TextStyle(underline: true, foreground: .blue)
    static let url = TextStyle(dim: true)
    static let image = TextStyle(foreground: .magenta)
    static let quoteBar = TextStyle(dim: true)
    static let rule = TextStyle(dim: true)
    static let listMarker = TextStyle(bold: true)
    static let taskDone = TextStyle(bold: true, foreground: .green)
    static let tableHeader = TextStyle(bold: true)
    static let tableGrid = TextStyle(dim: true)
    static let titleBar = TextStyle(bold: true, reverse: true)
    static let footer = TextStyle(dim: true)

    /// The colour of a callout's bar and label: blue notes, green tips, and so on, as on GitHub.
    static func callout(_ kind: CalloutKind) -> TextStyle {
        switch kind {
        case .note: TextStyle(bold: true, foreground: .blue)
        case .tip: TextStyle(bold: true, foreground: .green)
        case .important: TextStyle(bold: true, foreground: .magenta)
        case .warning: TextStyle(bold: true, foreground: .yellow)
        case .caution: TextStyle(bold: true, foreground: .red)
        }
    }
}
