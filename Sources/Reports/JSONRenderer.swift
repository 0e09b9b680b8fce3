import CourseModel
import Foundation

/// Writes a report as JSON: the filters, the columns with their types, and one object per row
/// keyed by column id (numbers as numbers, none as null), plus charts and notes.
///
/// Written by hand rather than with `JSONSerialization`: keys come out in a fixed, meaningful
/// order (the columns' order) without sorting, which also keeps large reports fast.
public struct JSONRenderer: Sendable {
    /// Makes a renderer.
    public init() {}

    /// Indented JSON, ending with a newline.
    public func render(_ report: Report) -> String {
        var out = "{\n"
        out += "  \"report\" : \(Self.string(report.kind.rawValue)),\n"
        out += "  \"language\" : \(Self.string(report.language.rawValue)),\n"
        out += "  \"title\" : \(Self.string(report.title)),\n"
        out +=
            "  \"filters\" : ["
            + report.filters.map { "{ \"label\" : \(Self.string($0.label)), \"value\" : \(Self.string($0.value)) }" }
            .joined(separator: ", ") + "],\n"
        out +=
            "  \"columns\" : [\n"
            + report.columns.map {
                "    { \"id\" : \(Self.string($0.id)), \"title\" : \(Self.string($0.title)), \"type\" : \(Self.string($0.type.rawValue)) }"
            }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"rows\" : ["
        // Each column's `, "id" : ` once, not once per row (a national report has ~50,000 rows).
        let keys = report.columns.map { ", \(Self.string($0.id)) : " }
        for (r, row) in report.rows.enumerated() {
            out += r == 0 ? "\n" : ",\n"
            out += "    { \"_key\" : \(Self.string(r < report.rowKeys.count ? report.rowKeys[r] : ""))"
            for (i, key) in keys.enumerated() {
                out += key
                out += Self.value(i < row.count ? row[i] : .none)
            }
            out += " }"
        }
        out += report.rows.isEmpty ? "],\n" : "\n  ],\n"
        out +=
            "  \"charts\" : ["
            + report.charts.map { chart in
                "\n    { \"title\" : \(Self.string(chart.title)), \"style\" : \(Self.string(chart.style.rawValue)), \"unit\" : \(Self.string(chart.unit.rawValue)), "
                    + "\"labels\" : [\(chart.labels.map(Self.string).joined(separator: ", "))], \"series\" : ["
                    + chart.series.map {
                        "{ \"name\" : \(Self.string($0.name)), \"values\" : [\($0.values.map(Self.number).joined(separator: ", "))] }"
                    }
                    .joined(separator: ", ") + "] }"
            }.joined(separator: ",") + (report.charts.isEmpty ? "],\n" : "\n  ],\n")
        out += "  \"notes\" : [" + report.notes.map(Self.string).joined(separator: ", ") + "]\n}\n"
        return out
    }

    static func value(_ v: ReportValue) -> String {
        switch v {
        case .text(let s): string(s)
        case .integer(let n): String(n)
        case .number(let d): number(d)
        case .none: "null"
        }
    }

    /// A finite number in its shortest form (`62.5`, `3`); null otherwise.
    static func number(_ d: Double) -> String { JSONLiteral.number(d) ?? "null" }

    /// A JSON string literal.
    static func string(_ s: String) -> String { JSONLiteral.string(s) }
}
