import Foundation

/// Writes a report as JSON: the filters, the columns with their types, and one object per row
/// keyed by column id (numbers as numbers, none as null), plus charts and notes.
public struct JSONRenderer: Sendable {
    /// Makes a renderer.
    public init() {}

    /// Pretty-printed JSON with sorted keys, ending with a newline.
    public func render(_ report: Report) -> String {
        var rows: [[String: Any]] = []
        for (r, row) in report.rows.enumerated() {
            var object: [String: Any] = ["_key": r < report.rowKeys.count ? report.rowKeys[r] : ""]
            for (i, column) in report.columns.enumerated() {
                object[column.id] = Self.any(i < row.count ? row[i] : .none)
            }
            rows.append(object)
        }
        let object: [String: Any] = [
            "report": report.kind.rawValue,
            "language": report.language.rawValue,
            "title": report.title,
            "filters": report.filters.map { ["label": $0.label, "value": $0.value] },
            "columns": report.columns.map { ["id": $0.id, "title": $0.title, "type": $0.type.rawValue] },
            "rows": rows,
            "charts": report.charts.map { chart -> [String: Any] in
                [
                    "title": chart.title, "style": chart.style.rawValue, "unit": chart.unit.rawValue, "labels": chart.labels,
                    "series": chart.series.map { ["name": $0.name, "values": $0.values] as [String: Any] },
                ]
            },
            "notes": report.notes,
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func any(_ value: ReportValue) -> Any {
        switch value {
        case .text(let s): s
        case .integer(let n): n
        case .number(let v): v
        case .none: NSNull()
        }
    }
}
