import CourseModel
import Foundation
import HubStore
import Localization

/// Words and number formats in the report's language.
public struct ReportText: Sendable {
    /// The language.
    public var language: Language

    /// Text for a language.
    public init(_ language: Language) { self.language = language }

    /// The Vietnamese or the English text: a phrase said in the report's language.
    public func pick(_ vi: String, _ en: String) -> String { Phrase(vi: vi, en: en)(language) }

    /// A phrase in the report's language.
    public func say(_ phrase: Phrase) -> String { phrase(language) }

    /// A count with thousands grouped: `12.345` (vi), `12,345` (en).
    public func integer(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(language == .vi ? "." : ",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// A number with one decimal: `2,5` (vi), `2.5` (en); thousands grouped.
    public func decimal(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded(.toNearestOrAwayFromZero))
        let whole = integer(abs(tenths) / 10)
        return (tenths < 0 ? "-" : "") + whole + (language == .vi ? "," : ".") + String(abs(tenths) % 10)
    }

    /// A percentage: `62,5%` (vi), `62.5%` (en).
    public func percent(_ v: Double) -> String { decimal(v) + "%" }

    /// A value as people read it; empty for none.
    public func format(_ value: ReportValue, as type: ColumnType) -> String {
        switch value {
        case .text(let s): s
        case .integer(let n): integer(n)
        case .number(let v): type == .percent ? percent(v) : decimal(v)
        case .none: "–"
        }
    }

    /// The name of a level.
    public func level(_ level: AreaLevel) -> String {
        switch level {
        case .province: pick("Tỉnh", "Province")
        case .district: pick("Huyện", "District")
        case .commune: pick("Xã", "Commune")
        case .center: pick("Trung tâm", "Centre")
        }
    }

    /// The name of a gender code.
    public func gender(_ code: String?) -> String {
        switch code {
        case "nu": pick("Nữ", "Women")
        case "nam": pick("Nam", "Men")
        case "khac": pick("Khác", "Other")
        default: pick("Không rõ", "Unknown")
        }
    }

    /// The title of a report.
    public func title(_ kind: ReportKind) -> String {
        switch kind {
        case .completion: pick("Hoàn thành khoá học theo địa bàn", "Course completion by area")
        case .activity: pick("Hoạt động học tập", "Learning activity")
        case .funnel: pick("Phễu học tập theo khoá", "Course funnel")
        case .items: pick("Phân tích câu hỏi", "Question analysis")
        case .needsHelp: pick("Người học cần hỗ trợ", "Learners who need help")
        case .inclusion: pick("Hoà nhập: theo tuổi và giới", "Inclusion: by age and gender")
        case .certificates: pick("Chứng nhận theo khoá học và địa bàn", "Certificates by course and area")
        }
    }

    /// The title of a report's domain view (completion and inclusion have one).
    public func domainTitle(_ kind: ReportKind) -> String {
        switch kind {
        case .inclusion:
            pick("Hoà nhập: theo miền năng lực số, tuổi và giới", "Inclusion: by competence domain, age and gender")
        default: pick("Hoàn thành khoá học theo miền năng lực số", "Course completion by competence domain")
        }
    }

    /// The name of a domain of Circular 02/2025/TT-BGDĐT (`An toàn`), or of the group of courses
    /// that declare none.
    public func domainName(_ domain: CompetenceDomain?) -> String {
        guard let domain else { return pick("(khoá học chưa khai báo miền)", "(courses declaring no domain)") }
        return say(Phrase(vi: domain.nameVietnamese, en: domain.nameEnglish))
    }

    /// A domain with its number, for charts and notes (`4. An toàn`).
    public func domain(_ domain: CompetenceDomain?) -> String {
        (domain.map { "\($0.code). " } ?? "") + domainName(domain)
    }

    /// Label for centres not attached to a commune.
    public var unattached: String { pick("(trung tâm chưa gắn xã)", "(centres not attached to a commune)") }
    /// Label for all areas together.
    public var total: String { pick("Tổng", "Total") }
    /// Label for the whole hub.
    public var everywhere: String { pick("Toàn bộ", "Everywhere") }
}
