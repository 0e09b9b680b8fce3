/// Greedy word wrapping of styled text by display width.
///
/// Breaks only at spaces, never inside a grapheme cluster; a word wider than the line (a long
/// URL, a Zalgo string) is broken between clusters. Runs of spaces collapse to one, as in
/// Markdown prose, and no line starts or ends with a break space.
enum TextWrapper {
    /// One grapheme cluster with its style and width.
    struct Atom {
        var character: Character
        var style: TextStyle
        var width: Int
    }

    /// `spans` wrapped to lines of at most `width` columns; no lines for empty text.
    static func wrap(_ spans: [Span], width: Int) -> [StyledLine] {
        let width = max(1, width)
        var lines: [StyledLine] = []
        var current: [Atom] = []
        var currentWidth = 0
        var pendingSpace: Atom?

        func flush() {
            lines.append(line(from: current))
            current = []
            currentWidth = 0
        }

        for token in tokens(atoms(spans)) {
            guard case .word(let word) = token.kind else {
                if !current.isEmpty { pendingSpace = token.space }
                continue
            }
            let wordWidth = word.reduce(0) { $0 + $1.width }
            let spaceWidth = (pendingSpace != nil && !current.isEmpty) ? 1 : 0
            if currentWidth + spaceWidth + wordWidth <= width {
                if spaceWidth == 1, let space = pendingSpace { current.append(space) }
                current += word
                currentWidth += spaceWidth + wordWidth
            } else if wordWidth <= width {
                flush()
                current = word
                currentWidth = wordWidth
            } else {
                // Too long for any line: fill what is left of this one if that is worth it
                // (a URL after "Xem"), then carry on cluster by cluster.
                if !current.isEmpty {
                    if width - currentWidth - spaceWidth >= min(5, width), let space = pendingSpace {
                        current.append(space)
                        currentWidth += 1
                    } else {
                        flush()
                    }
                }
                for var atom in word {
                    if atom.width > width {
                        // Only when the line is narrower than one wide character.
                        atom = Atom(character: "…", style: atom.style, width: 1)
                    }
                    if currentWidth + atom.width > width { flush() }
                    current.append(atom)
                    currentWidth += atom.width
                }
            }
            pendingSpace = nil
        }
        if !current.isEmpty { flush() }
        return lines
    }

    /// Splits styled text into clusters, measured as they are shown.
    ///
    /// The text is joined first so a cluster that crosses a style boundary is still one cluster;
    /// it takes the style of its first scalar.
    static func atoms(_ spans: [Span]) -> [Atom] {
        var styles: [TextStyle] = []
        var joined = ""
        for span in spans {
            let clean = TextSanitizer.inline(span.text)
            styles += Array(repeating: span.style, count: clean.unicodeScalars.count)
            joined += clean
        }
        var result: [Atom] = []
        var scalarIndex = 0
        for character in joined {
            let style = scalarIndex < styles.count ? styles[scalarIndex] : .plain
            result.append(Atom(character: character, style: style, width: TerminalWidth.of(character)))
            scalarIndex += character.unicodeScalars.count
        }
        return result
    }

    struct Token {
        enum Kind {
            case word([Atom])
            case space
        }
        var kind: Kind
        var space: Atom?
    }

    /// Words and the break spaces between them.
    static func tokens(_ atoms: [Atom]) -> [Token] {
        var tokens: [Token] = []
        var word: [Atom] = []
        for atom in atoms {
            if isBreakSpace(atom.character) {
                if !word.isEmpty {
                    tokens.append(Token(kind: .word(word)))
                    word = []
                }
                tokens.append(Token(kind: .space, space: Atom(character: " ", style: atom.style, width: 1)))
            } else {
                word.append(atom)
            }
        }
        if !word.isEmpty { tokens.append(Token(kind: .word(word))) }
        return tokens
    }

    /// Whitespace that allows a break; no-break spaces keep `10 000 đ` together.
    static func isBreakSpace(_ character: Character) -> Bool {
        guard character.isWhitespace else { return false }
        return !["\u{A0}", "\u{2007}", "\u{202F}"].contains(character)
    }

    /// Atoms merged back into spans of equal style.
    static func line(from atoms: [Atom]) -> StyledLine {
        var spans: [Span] = []
        for atom in atoms {
            if let last = spans.last, last.style == atom.style {
                spans[spans.count - 1].text.append(atom.character)
            } else {
                spans.append(Span(String(atom.character), atom.style))
            }
        }
        return StyledLine(spans)
    }
}
