import Localization

/// What a column holds, which decides how each renderer writes it.
public enum ColumnType: String, Sendable, Codable {
    /// Words (names, codes, labels).
    case text
    /// A count.
    case integer
    /// A percentage, already rounded to one decimal (62.5 means 62,5 %).
    case percent
    /// A quantity with one decimal (days).
    case decimal
}

/// A column of a report.
public struct ReportColumn: Sendable, Codable, Equatable {
    /// Stable machine name (JSON key, CSV header comment), English, kebab-free.
    public var id: String
    /// Heading in the report's language.
    public var title: String
    /// What it holds.
    public var type: ColumnType

    /// Makes a column.
    public init(_ id: String, _ title: String, _ type: ColumnType) {
        self.id = id
        self.title = title
        self.type = type
    }
}

/// One cell. Numbers are stored already rounded to what every form shows, so the table, CSV,
/// JSON and HTML forms carry exactly the same numbers.
public enum ReportValue: Sendable, Equatable, Codable {
    /// Text.
    case text(String)
    /// A count.
    case integer(Int)
    /// A percentage or decimal, rounded to one decimal.
    case number(Double)
    /// No value (a rate over nobody, a median of nothing).
    case none

    /// The number, if any.
    public var double: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .number(let v): v
        case .text, .none: nil
        }
    }

    /// The text, if any.
    public var string: String? {
        if case .text(let s) = self { return s }
        return nil
    }
}

/// A series of values drawn as bars.
public struct ChartSeries: Sendable, Codable, Equatable {
    /// Legend text.
    public var name: String
    /// One value per label.
    public var values: [Double]

    /// Makes a series.
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// A chart drawn from the report's own numbers.
public struct ReportChart: Sendable, Codable, Equatable {
    /// How it is drawn.
    public enum Style: String, Sendable, Codable {
        /// Horizontal bars, one row per label (areas, questions).
        case bars
        /// Vertical columns over time (periods).
        case columns
    }

    /// Title above the chart.
    public var title: String
    /// How it is drawn.
    public var style: Style
    /// What the values are (percent draws a 0–100 scale).
    public var unit: ColumnType
    /// One label per bar or column.
    public var labels: [String]
    /// One or more series.
    public var series: [ChartSeries]

    /// Makes a chart.
    public init(title: String, style: Style, unit: ColumnType, labels: [String], series: [ChartSeries]) {
        self.title = title
        self.style = style
        self.unit = unit
        self.labels = labels
        self.series = series
    }
}

/// A filter line shown under the title (`Khoá học: …`).
public struct ReportFilter: Sendable, Codable, Equatable {
    /// What it is.
    public var label: String
    /// Its value.
    public var value: String
}

/// A report: one model that the terminal, CSV, JSON and HTML renderers all write.
public struct Report: Sendable, Codable, Equatable {
    /// Which report.
    public var kind: ReportKind
    /// The language of its words.
    public var language: Language
    /// Title.
    public var title: String
    /// The filters that made it.
    public var filters: [ReportFilter]
    /// Columns.
    public var columns: [ReportColumn]
    /// Rows, one value per column.
    public var rows: [[ReportValue]]
    /// What each row is about (area code, course id, question id), for links; not a number.
    public var rowKeys: [String]
    /// Charts drawn from the rows.
    public var charts: [ReportChart]
    /// Definitions and caveats printed under the table.
    public var notes: [String]

    /// Makes a report.
    public init(
        kind: ReportKind, language: Language, title: String, filters: [ReportFilter], columns: [ReportColumn],
        rows: [[ReportValue]] = [], rowKeys: [String] = [], charts: [ReportChart] = [], notes: [String] = []
    ) {
        self.kind = kind
        self.language = language
        self.title = title
        self.filters = filters
        self.columns = columns
        self.rows = rows
        self.rowKeys = rowKeys
        self.charts = charts
        self.notes = notes
    }

    /// Appends a row with the key links use.
    mutating func append(_ row: [ReportValue], key: String) {
        rows.append(row)
        rowKeys.append(key)
    }

    /// The same report without the columns named in `ids` (for narrow screens: a page about one
    /// course need not repeat the course on every row). Charts and numbers are untouched.
    public func dropping(_ ids: Set<String>) -> Report {
        var copy = self
        let keep = columns.indices.filter { !ids.contains(columns[$0].id) }
        copy.columns = keep.map { columns[$0] }
        copy.rows = rows.map { row in keep.map { $0 < row.count ? row[$0] : .none } }
        return copy
    }

    /// The values of the column named `id`.
    public func column(_ id: String) -> [ReportValue] {
        guard let index = columns.firstIndex(where: { $0.id == id }) else { return [] }
        return rows.map { index < $0.count ? $0[index] : .none }
    }
}

extension ReportValue {
    /// A percentage `part / whole`, rounded to one decimal; none when `whole` is zero.
    static func percent(_ part: Int, of whole: Int) -> ReportValue {
        whole > 0 ? .number(rounded(Double(part) * 100 / Double(whole))) : .none
    }

    /// A quantity rounded to one decimal; none when absent.
    static func decimal(_ value: Double?) -> ReportValue {
        value.map { .number(rounded($0)) } ?? .none
    }

    /// Rounds half away from zero to one decimal.
    static func rounded(_ v: Double) -> Double { (v * 10).rounded(.toNearestOrAwayFromZero) / 10 }
}
