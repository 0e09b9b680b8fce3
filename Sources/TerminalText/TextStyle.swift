/// A colour from the eight that every colour terminal, old Linux consoles included, can show.
public enum TerminalColor: Int, Sendable, Hashable, CaseIterable {
    /// Red (SGR 31).
    case red = 31
    /// Green (SGR 32).
    case green = 32
    /// Yellow (SGR 33).
    case yellow = 33
    /// Blue (SGR 34).
    case blue = 34
    /// Magenta (SGR 35).
    case magenta = 35
    /// Cyan (SGR 36).
    case cyan = 36
}

/// How a piece of text looks: attributes and an optional foreground colour.
public struct TextStyle: Sendable, Hashable {
    /// Bold (SGR 1).
    public var bold = false
    /// Italic (SGR 3); shown as plain text by terminals that lack it.
    public var italic = false
    /// Underlined (SGR 4).
    public var underline = false
    /// Dim (SGR 2), for secondary text such as URLs.
    public var dim = false
    /// Reverse video (SGR 7), for title bars and selections.
    public var reverse = false
    /// Struck through (SGR 9).
    public var strikethrough = false
    /// Foreground colour, or the terminal's default.
    public var foreground: TerminalColor?

    /// Makes a style; every attribute is off unless given.
    public init(
        bold: Bool = false, italic: Bool = false, underline: Bool = false, dim: Bool = false,
        reverse: Bool = false, strikethrough: Bool = false, foreground: TerminalColor? = nil
    ) {
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.dim = dim
        self.reverse = reverse
        self.strikethrough = strikethrough
        self.foreground = foreground
    }

    /// No attributes, default colour.
    public static let plain = TextStyle()

    /// Whether the style changes nothing.
    public var isPlain: Bool { self == .plain }

    /// This style with `other`'s attributes added (its colour wins when it has one): nested
    /// emphasis inside a link stays underlined and becomes italic too.
    public func merging(_ other: TextStyle) -> TextStyle {
        TextStyle(
            bold: bold || other.bold, italic: italic || other.italic, underline: underline || other.underline,
            dim: dim || other.dim, reverse: reverse || other.reverse,
            strikethrough: strikethrough || other.strikethrough, foreground: other.foreground ?? foreground)
    }

    /// The SGR parameters that select this style, in a fixed order.
    var sgrParameters: [Int] {
        var p: [Int] = []
        if bold { p.append(1) }
        if dim { p.append(2) }
        if italic { p.append(3) }
        if underline { p.append(4) }
        if reverse { p.append(7) }
        if strikethrough { p.append(9) }
        if let foreground { p.append(foreground.rawValue) }
        return p
    }
}
