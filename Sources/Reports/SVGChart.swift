import HTMLText

/// Draws a `ReportChart` as inline SVG: no scripts, no external fonts, scales with the page.
enum SVGChart {
    /// Series colours, distinguishable in greyscale print too (dark, mid, light).
    static let colours = ["#1f5f8b", "#d9822b", "#5aa469"]

    static func render(_ chart: ReportChart, _ t: ReportText) -> String {
        guard !chart.labels.isEmpty else { return "" }
        switch chart.style {
        case .bars: return bars(chart, t)
        case .columns: return columns(chart, t)
        }
    }

    static func value(_ v: Double, _ unit: ColumnType, _ t: ReportText) -> String {
        switch unit {
        case .percent: t.percent(v)
        case .integer: t.integer(Int(v.rounded()))
        default: t.decimal(v)
        }
    }

    static func scaleMax(_ chart: ReportChart) -> Double {
        let top = chart.series.flatMap(\.values).max() ?? 0
        return chart.unit == .percent ? 100 : max(top, 1)
    }

    /// Horizontal bars: a label column, then one bar per series for each label.
    static func bars(_ chart: ReportChart, _ t: ReportText) -> String {
        let labelWidth = 210.0
        let barArea = 330.0
        let width = labelWidth + barArea + 70
        let barHeight = 14.0
        let group = Double(chart.series.count) * (barHeight + 2) + 8
        let legend = chart.series.count > 1 ? 20.0 : 0
        let height = legend + group * Double(chart.labels.count) + 4
        let top = scaleMax(chart)
        var svg = """
            <svg class="chart" role="img" viewBox="0 0 \(fmt(width)) \(fmt(height))" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title>\(HTML.escape(chart.title))</title>
            """
        if chart.series.count > 1 {
            for (s, series) in chart.series.enumerated() {
                let x = labelWidth + Double(s) * 110
                svg +=
                    "<rect x=\"\(fmt(x))\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(colours[s % colours.count])\"/>"
                svg += "<text x=\"\(fmt(x + 16))\" y=\"14\" font-size=\"12\">\(HTML.escape(series.name))</text>"
            }
        }
        for (i, label) in chart.labels.enumerated() {
            let y0 = legend + Double(i) * group + 4
            let short = DisplayWidth.truncate(label, to: 32)
            svg +=
                "<text x=\"\(fmt(labelWidth - 6))\" y=\"\(fmt(y0 + barHeight - 3))\" font-size=\"12\" text-anchor=\"end\"><title>\(HTML.escape(label))</title>\(HTML.escape(short))</text>"
            for (s, series) in chart.series.enumerated() {
                let v = i < series.values.count ? series.values[i] : 0
                let y = y0 + Double(s) * (barHeight + 2)
                let w = max(0, min(1, v / top)) * barArea
                svg +=
                    "<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(y))\" width=\"\(fmt(w))\" height=\"\(fmt(barHeight))\" fill=\"\(colours[s % colours.count])\"/>"
                svg +=
                    "<text x=\"\(fmt(labelWidth + w + 4))\" y=\"\(fmt(y + barHeight - 3))\" font-size=\"11\">\(HTML.escape(value(v, chart.unit, t)))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// Vertical columns over time, with the first, middle and last labels under the axis.
    static func columns(_ chart: ReportChart, _ t: ReportText) -> String {
        let width = 610.0
        let plot = 150.0
        let left = 50.0
        let height = plot + 40
        let values = chart.series.first?.values ?? []
        let top = scaleMax(chart)
        let step = (width - left - 10) / Double(max(values.count, 1))
        var svg = """
            <svg class="chart" role="img" viewBox="0 0 \(fmt(width)) \(fmt(height))" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title>\(HTML.escape(chart.title))</title>
            <line x1="\(fmt(left))" y1="\(fmt(plot + 10))" x2="\(fmt(width - 5))" y2="\(fmt(plot + 10))" stroke="#888"/>
            <text x="\(fmt(left - 4))" y="16" font-size="11" text-anchor="end">\(HTML.escape(value(top, chart.unit, t)))</text>
            <text x="\(fmt(left - 4))" y="\(fmt(plot + 10))" font-size="11" text-anchor="end">0</text>
            """
        for (i, v) in values.enumerated() {
            let h = max(0, min(1, v / top)) * plot
            let x = left + Double(i) * step + step * 0.1
            svg +=
                "<rect x=\"\(fmt(x))\" y=\"\(fmt(plot + 10 - h))\" width=\"\(fmt(max(step * 0.8, 1)))\" height=\"\(fmt(h))\" fill=\"\(colours[0])\"><title>\(HTML.escape(chart.labels[i])): \(HTML.escape(value(v, chart.unit, t)))</title></rect>"
        }
        let marks = Set([0, values.count / 2, values.count - 1])
        for i in marks.sorted() where i >= 0 && i < chart.labels.count {
            let x = left + Double(i) * step + step / 2
            // The last label ends at its column and the first starts at its own, so neither is cut.
            let anchor = i == values.count - 1 && i > 0 ? "end" : i == 0 && values.count > 1 ? "start" : "middle"
            svg +=
                "<text x=\"\(fmt(x))\" y=\"\(fmt(plot + 28))\" font-size=\"11\" text-anchor=\"\(anchor)\">\(HTML.escape(chart.labels[i]))</text>"
        }
        return svg + "</svg>"
    }

    /// One decimal, point separated (SVG syntax, not a human number).
    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
