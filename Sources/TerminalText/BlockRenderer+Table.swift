import CourseModel

extension BlockRenderer {
    /// The narrowest a column may be made before the table is shown as records instead.
    static let minimumColumnWidth = 4

    /// A table with columns sized by display width, shrunk (widest first) and wrapped to fit.
    ///
    /// ```
    /// Cột     │ Cột
    /// ────────┼─────
    /// ô       │ ô
    /// ```
    /// When even narrow columns cannot fit, each row is shown as `Header: value` lines.
    func table(_ table: Table, width: Int) -> [StyledLine] {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        func cell(_ row: [[Inline]], _ column: Int) -> [Inline] { column < row.count ? row[column] : [] }

        let available = width - 3 * (columns - 1)
        if available < columns * Self.minimumColumnWidth {
            return records(table, columns: columns, width: width)
        }
        let allRows = [table.header] + table.rows
        var widths = (0..<columns).map { column in
            max(1, allRows.map { naturalWidth(cell($0, column)) }.max() ?? 1)
        }
        // Shrinking the widest column first keeps short columns (numbers, "Có/Không") intact.
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
        }

        let alignments = (0..<columns).map { $0 < table.alignments.count ? table.alignments[$0] : .none }
        func rowLines(_ row: [[Inline]], style: TextStyle) -> [StyledLine] {
            let cells = (0..<columns).map { column in
                paragraph(cell(row, column), width: widths[column]).map { line in
                    StyledLine(line.spans.map { Span($0.text, $0.style.merging(style)) })
                }
            }
            let height = max(1, cells.map(\.count).max() ?? 1)
            return (0..<height).map { index in
                var spans: [Span] = []
                for column in 0..<columns {
                    if column > 0 { spans.append(Span(" │ ", Theme.tableGrid)) }
                    let line = index < cells[column].count ? cells[column][index] : .blank
                    spans += aligned(line, width: widths[column], alignment: alignments[column]).spans
                }
                return StyledLine(spans)
            }
        }
        let separator = StyledLine(
            widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), Theme.tableGrid)
        let body = table.rows.map { rowLines($0, style: .plain) }
        // Rows that wrap need a line between them, or their cells run together.
        let betweenRows = body.contains { $0.count > 1 } ? [separator] : []
        var out = rowLines(table.header, style: Theme.tableHeader) + [separator]
        for (index, row) in body.enumerated() {
            if index > 0 { out += betweenRows }
            out += row
        }
        // Trailing padding is invisible and would only make lines longer to copy.
        return out.map(trimmingTrailingSpaces)
    }

    /// The width a cell's content takes on one line (the widest of its hard lines).
    func naturalWidth(_ content: [Inline]) -> Int {
        spanLines(content).map { spans in
            TextWrapper.wrap(spans, width: Int.max / 2).first?.width ?? 0
        }.max() ?? 0
    }

    /// `line` padded to `width` columns as the column's alignment asks.
    func aligned(_ line: StyledLine, width: Int, alignment: TableAlignment) -> StyledLine {
        let missing = max(0, width - line.width)
        switch alignment {
        case .right:
            return line.prefixed(by: [Span(String(repeating: " ", count: missing))])
        case .center:
            return line.prefixed(by: [Span(String(repeating: " ", count: missing / 2))]).padded(to: width)
        case .none, .left:
            return line.padded(to: width)
        }
    }

    /// A table too wide for the screen, one row at a time: `Header: value`.
    func records(_ table: Table, columns: Int, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for row in table.rows {
            if !out.isEmpty { out.append(StyledLine(String(repeating: "─", count: min(width, 8)), Theme.tableGrid)) }
            for column in 0..<columns {
                let header = column < table.header.count ? table.header[column] : []
                let value = column < row.count ? row[column] : []
                let label: [Inline] = header.isEmpty ? [] : [.strong(header), .text(": ")]
                out += paragraph(label + value, width: width)
            }
        }
        return out
    }

    func trimmingTrailingSpaces(_ line: StyledLine) -> StyledLine {
        var spans = line.spans
        // Spaces are invisible unless their style draws on them (underline, reverse, strike).
        while let last = spans.last, !last.style.underline, !last.style.reverse, !last.style.strikethrough {
            let trimmed = String(last.text.reversed().drop(while: { $0 == " " }).reversed())
            if trimmed.count == last.text.count { break }
            if trimmed.isEmpty {
                spans.removeLast()
            } else {
                spans[spans.count - 1].text = trimmed
                break
            }
        }
        return StyledLine(spans)
    }
}
