import CourseModel

extension BlockRenderer {
    /// Bullets by nesting depth; they cycle so any depth has one.
    static let bullets = ["•", "◦", "▪"]

    func list(start: Int?, items: [ListItem], width: Int, depth: Int) -> [StyledLine] {
        let markers: [[Span]] = items.enumerated().map { index, item in
            var marker: [Span]
            if let start {
                marker = [Span("\(start + index).", Theme.listMarker)]
            } else if item.checked == nil {
                marker = [Span(Self.bullets[depth % Self.bullets.count], Theme.listMarker)]
            } else {
                marker = []
            }
            // Task items show their box in brackets: readable in any terminal font.
            if let checked = item.checked {
                if !marker.isEmpty { marker.append(Span(" ")) }
                marker.append(checked ? Span("[x]", Theme.taskDone) : Span("[ ]", Theme.listMarker))
            }
            return marker
        }
        // Numbers are right-aligned so the item texts line up ( 9. / 10.).
        let markerWidth = markers.map { StyledLine($0).width }.max() ?? 0
        var out: [StyledLine] = []
        for (item, marker) in zip(items, markers) {
            let pad = markerWidth - StyledLine(marker).width
            let aligned = start != nil ? [Span(String(repeating: " ", count: pad))] + marker : marker
            out += hanging(marker: aligned, blocks: item.blocks, width: width, depth: depth, markerWidth: markerWidth)
        }
        return out
    }

    /// `blocks` with `marker` before the first line and later lines indented to the content.
    func hanging(marker: [Span], blocks: [Block], width: Int, depth: Int, markerWidth: Int? = nil) -> [StyledLine] {
        let indent = (markerWidth ?? StyledLine(marker).width) + 1
        return hanging(marker: marker, indent: indent, body: itemLines(blocks, width: width - indent, depth: depth + 1))
    }

    /// Lines already rendered `indent` columns narrower, behind `marker` with a hanging indent.
    func hanging(marker: [Span], indent: Int, body: [StyledLine]) -> [StyledLine] {
        guard !body.isEmpty else { return [StyledLine(marker)] }
        let first = StyledLine(marker).padded(to: indent).spans
        let rest = [Span(String(repeating: " ", count: indent))]
        return body.enumerated().map { index, line in
            if index == 0 { return line.prefixed(by: first) }
            return line.spans.isEmpty ? line : line.prefixed(by: rest)
        }
    }

    /// An item's blocks: a nested list follows its paragraph directly, as in a tight list.
    func itemLines(_ blocks: [Block], width: Int, depth: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for block in blocks {
            let rendered = lines(block, width: width, depth: depth)
            if rendered.isEmpty { continue }
            if case .list = block {} else if !out.isEmpty { out.append(.blank) }
            out += rendered
        }
        return out
    }
}
