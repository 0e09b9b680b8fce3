import CourseModel

/// One step of a lesson laid out for a terminal of a given size: a title bar, the rendered
/// step, and a footer hint line, cut into pages when the step is taller than the screen.
///
/// The layout depends only on the size, so the client calls `pages(width:height:)` again
/// after a resize (and clamps its page index to the new page count).
public struct StepScreen: Sendable {
    /// The title bar's text, e.g. the lesson and step titles.
    public var title: String
    /// The step's content.
    public var blocks: [Block]
    /// The footer line, e.g. which keys do what.
    public var hint: String
    /// How styles are written out.
    public var styler: Styler
    /// The language of the renderer's own words.
    public var language: RenderLanguage

    /// Lines taken by the title bar, its rule and the footer.
    public static let chromeHeight = 3

    /// Makes a screen for one step.
    public init(title: String, blocks: [Block], hint: String, styler: Styler, language: RenderLanguage = .vi) {
        self.title = title
        self.blocks = blocks
        self.hint = hint
        self.styler = styler
        self.language = language
    }

    /// The pages for a terminal of `width` × `height`; each is exactly `height` lines (when
    /// `height` is at least 4) of at most `width` columns, and there is always at least one.
    public func pages(width: Int, height: Int) -> [[String]] {
        let width = max(1, width)
        let bodyHeight = max(1, height - Self.chromeHeight)
        let chunks = Self.paginate(
            Self.bodyUnits(blocks, width: width, styler: styler, language: language), height: bodyHeight)
        return chunks.enumerated().map { index, chunk in
            let indicator = chunks.count > 1 ? "\(index + 1)/\(chunks.count)" : ""
            var page = [titleBar(width: width, indicator: indicator), styler.render(Self.rule(width))]
            page += chunk
            page += Array(repeating: "", count: max(0, bodyHeight - chunk.count))
            page.append(styler.render(StyledLine(TextSanitizer.inline(hint), Theme.footer).truncated(to: width)))
            return page
        }
    }

    /// The step rendered block by block; a heading is kept with the block after it.
    static func bodyUnits(_ blocks: [Block], width: Int, styler: Styler, language: RenderLanguage) -> [[String]] {
        let renderer = BlockRenderer(width: width, styler: styler, language: language)
        var units: [[String]] = []
        var pendingHeading: [String]?
        for block in blocks {
            let lines = renderer.render([block])
            if lines.isEmpty { continue }
            if case .heading = block {
                if let heading = pendingHeading { units.append(heading) }
                pendingHeading = lines
                continue
            }
            if let heading = pendingHeading {
                units.append(heading + [""] + lines)
                pendingHeading = nil
            } else {
                units.append(lines)
            }
        }
        if let heading = pendingHeading { units.append(heading) }
        return units
    }

    /// Lays blocks out on pages of `height` lines, a blank line between blocks.
    ///
    /// A block that fits on a page is never split: it moves to the next page whole, so a list
    /// item, a callout's label or a table's header is not left behind. Only a block taller
    /// than a page is cut, line by line. Pages never start with a blank line.
    static func paginate(_ units: [[String]], height: Int) -> [[String]] {
        var pages: [[String]] = []
        var current: [String] = []
        func newPage() {
            pages.append(current)
            current = []
        }
        for unit in units {
            let separator = current.isEmpty ? 0 : 1
            if current.count + separator + unit.count <= height {
                if separator == 1 { current.append("") }
                current += unit
                continue
            }
            if unit.count <= height {
                newPage()
                current = unit
                continue
            }
            // Taller than any page: start it here if a useful part fits, then cut it.
            if height - current.count - separator < min(3, height) {
                newPage()
            } else if separator == 1 {
                current.append("")
            }
            for line in unit {
                if current.count == height { newPage() }
                if current.isEmpty && line.isEmpty { continue }
                current.append(line)
            }
        }
        if !current.isEmpty || pages.isEmpty { pages.append(current) }
        return pages
    }

    /// The title, cut to fit, with the page indicator at the right edge; reverse video when styled.
    func titleBar(width: Int, indicator: String) -> String {
        let room = indicator.isEmpty ? width : width - TerminalWidth.of(indicator) - 1
        var line = StyledLine(TextSanitizer.inline(title), Theme.titleBar).truncated(to: max(0, room))
        if !indicator.isEmpty {
            line = line.padded(to: width - TerminalWidth.of(indicator), style: Theme.titleBar)
            line = StyledLine(line.spans + [Span(indicator, Theme.titleBar)])
        } else if styler.isEnabled {
            // A reverse-video bar reads as a bar only when it spans the screen.
            line = line.padded(to: width, style: Theme.titleBar)
        }
        return styler.render(line.truncated(to: width))
    }

    static func rule(_ width: Int) -> StyledLine { StyledLine(String(repeating: "─", count: width), Theme.rule) }
}
