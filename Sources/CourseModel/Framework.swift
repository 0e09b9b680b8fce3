// The two competence frameworks courses are mapped to, in one place: Vietnam's own, fixed by
// Circular 02/2025/TT-BGDĐT (Ministry of Education and Training, 24 January 2025: six domains,
// 24 component competences), and the European DigComp 2.2 it grew from (five areas). Names are
// the circular's own Vietnamese wording, with an English rendering for reports in English.

/// A domain of the digital competence framework for learners of Circular 02/2025/TT-BGDĐT.
public enum CompetenceDomain: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Khai thác dữ liệu và thông tin.
    case dataAndInformation = 1
    /// Giao tiếp và hợp tác trong môi trường số.
    case communication = 2
    /// Sáng tạo nội dung số.
    case contentCreation = 3
    /// An toàn.
    case safety = 4
    /// Giải quyết vấn đề.
    case problemSolving = 5
    /// Ứng dụng trí tuệ nhân tạo.
    case artificialIntelligence = 6

    /// The domain's number in the circular, `1`…`6`: the first part of its competences' codes.
    public var code: String { String(rawValue) }

    /// The circular's Vietnamese name.
    public var nameVietnamese: String {
        switch self {
        case .dataAndInformation: "Khai thác dữ liệu và thông tin"
        case .communication: "Giao tiếp và hợp tác trong môi trường số"
        case .contentCreation: "Sáng tạo nội dung số"
        case .safety: "An toàn"
        case .problemSolving: "Giải quyết vấn đề"
        case .artificialIntelligence: "Ứng dụng trí tuệ nhân tạo"
        }
    }

    /// The name in English.
    public var nameEnglish: String {
        switch self {
        case .dataAndInformation: "Exploiting data and information"
        case .communication: "Communication and collaboration in the digital environment"
        case .contentCreation: "Digital content creation"
        case .safety: "Safety"
        case .problemSolving: "Problem solving"
        case .artificialIntelligence: "Applying artificial intelligence"
        }
    }

    /// The domain's component competences, in the circular's order.
    public var competences: [Competence] { Competence.all.filter { $0.domain == self } }

    /// The DigComp 2.2 area the domain continues; the circular's sixth domain has none.
    public var digcompArea: DigCompArea? {
        switch self {
        case .dataAndInformation: .information
        case .communication: .communication
        case .contentCreation: .contentCreation
        case .safety: .safety
        case .problemSolving: .problemSolving
        case .artificialIntelligence: nil
        }
    }

    /// Orders domains by their number.
    public static func < (lhs: CompetenceDomain, rhs: CompetenceDomain) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A component competence of Circular 02/2025/TT-BGDĐT, named by its code (`4.2`), which also
/// names its domain (`4`, safety).
public struct Competence: Sendable, Hashable, Comparable, Identifiable, CustomStringConvertible {
    /// The domain the competence belongs to.
    public let domain: CompetenceDomain
    /// Its number within the domain, from 1.
    public let number: Int

    /// The competence with this code (`1.1` … `6.3`), nil for any other text.
    public init?(code: String) {
        guard let entry = Self.table.first(where: { $0.competence.code == code }) else { return nil }
        self = entry.competence
    }

    private init(_ domain: CompetenceDomain, _ number: Int) {
        self.domain = domain
        self.number = number
    }

    /// The code, e.g. `4.2`.
    public var code: String { "\(domain.rawValue).\(number)" }
    /// The code, e.g. `4.2`.
    public var id: String { code }
    /// The code, e.g. `4.2`.
    public var description: String { code }

    /// The circular's Vietnamese name.
    public var nameVietnamese: String { entry.vi }
    /// The name in English.
    public var nameEnglish: String { entry.en }

    /// All 24 component competences, in the circular's order.
    public static let all: [Competence] = table.map(\.competence)

    /// Orders competences by domain, then number.
    public static func < (lhs: Competence, rhs: Competence) -> Bool {
        (lhs.domain.rawValue, lhs.number) < (rhs.domain.rawValue, rhs.number)
    }

    private var entry: Entry { Self.table.first { $0.domain == domain && $0.number == number }! }

    private struct Entry {
        var domain: CompetenceDomain
        var number: Int
        var vi: String
        var en: String
        var competence: Competence { Competence(domain, number) }
    }

    // The appendix of the circular, component by component.
    private static let table: [Entry] = [
        Entry(
            domain: .dataAndInformation, number: 1, vi: "Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số",
            en: "Browsing, searching and filtering data, information and digital content"),
        Entry(
            domain: .dataAndInformation, number: 2, vi: "Đánh giá dữ liệu, thông tin và nội dung số",
            en: "Evaluating data, information and digital content"),
        Entry(
            domain: .dataAndInformation, number: 3, vi: "Quản lý dữ liệu, thông tin và nội dung số",
            en: "Managing data, information and digital content"),
        Entry(
            domain: .communication, number: 1, vi: "Tương tác thông qua công nghệ số",
            en: "Interacting through digital technologies"),
        Entry(
            domain: .communication, number: 2, vi: "Chia sẻ thông tin và nội dung thông qua công nghệ số",
            en: "Sharing information and content through digital technologies"),
        Entry(
            domain: .communication, number: 3, vi: "Sử dụng công nghệ số để thực hiện trách nhiệm công dân",
            en: "Engaging in citizenship through digital technologies"),
        Entry(
            domain: .communication, number: 4, vi: "Hợp tác thông qua công nghệ số",
            en: "Collaborating through digital technologies"),
        Entry(domain: .communication, number: 5, vi: "Quy tắc ứng xử trên mạng", en: "Netiquette"),
        Entry(domain: .communication, number: 6, vi: "Quản lý danh tính số", en: "Managing digital identity"),
        Entry(domain: .contentCreation, number: 1, vi: "Phát triển nội dung số", en: "Developing digital content"),
        Entry(
            domain: .contentCreation, number: 2, vi: "Tích hợp và tạo lập lại nội dung số",
            en: "Integrating and re-elaborating digital content"),
        Entry(
            domain: .contentCreation, number: 3, vi: "Thực thi bản quyền và giấy phép",
            en: "Copyright and licences"),
        Entry(domain: .contentCreation, number: 4, vi: "Lập trình", en: "Programming"),
        Entry(domain: .safety, number: 1, vi: "Bảo vệ thiết bị", en: "Protecting devices"),
        Entry(
            domain: .safety, number: 2, vi: "Bảo vệ dữ liệu cá nhân và quyền riêng tư",
            en: "Protecting personal data and privacy"),
        Entry(
            domain: .safety, number: 3, vi: "Bảo vệ sức khỏe và an sinh số",
            en: "Protecting health and digital well-being"),
        Entry(domain: .safety, number: 4, vi: "Bảo vệ môi trường", en: "Protecting the environment"),
        Entry(
            domain: .problemSolving, number: 1, vi: "Giải quyết các vấn đề kỹ thuật",
            en: "Solving technical problems"),
        Entry(
            domain: .problemSolving, number: 2, vi: "Xác định nhu cầu và giải pháp công nghệ",
            en: "Identifying needs and technological responses"),
        Entry(
            domain: .problemSolving, number: 3, vi: "Sử dụng sáng tạo công nghệ số",
            en: "Creatively using digital technologies"),
        Entry(
            domain: .problemSolving, number: 4, vi: "Xác định các vấn đề cần cải thiện về năng lực số",
            en: "Identifying digital competence gaps"),
        Entry(
            domain: .artificialIntelligence, number: 1, vi: "Hiểu biết về trí tuệ nhân tạo",
            en: "Understanding artificial intelligence"),
        Entry(
            domain: .artificialIntelligence, number: 2, vi: "Sử dụng trí tuệ nhân tạo",
            en: "Using artificial intelligence"),
        Entry(
            domain: .artificialIntelligence, number: 3, vi: "Đánh giá trí tuệ nhân tạo",
            en: "Evaluating artificial intelligence"),
    ]
}

extension Competence: Codable {
    /// Decodes a competence from its code, e.g. `"4.2"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let competence = Competence(code: code) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown competence code '\(code)'")
        }
        self = competence
    }

    /// Encodes a competence as its code, e.g. `"4.2"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// The five competence areas of the European DigComp 2.2 framework.
public enum DigCompArea: String, Sendable, Codable, CaseIterable {
    /// Information and data literacy.
    case information
    /// Communication and collaboration.
    case communication
    /// Digital content creation.
    case contentCreation = "content-creation"
    /// Safety.
    case safety
    /// Problem solving.
    case problemSolving = "problem-solving"

    /// The area's Vietnamese name.
    public var nameVietnamese: String {
        switch self {
        case .information: "thông tin và dữ liệu"
        case .communication: "giao tiếp và hợp tác"
        case .contentCreation: "tạo nội dung số"
        case .safety: "an toàn"
        case .problemSolving: "giải quyết vấn đề"
        }
    }

    /// The area's English name.
    public var nameEnglish: String {
        switch self {
        case .information: "Information and data literacy"
        case .communication: "Communication and collaboration"
        case .contentCreation: "Digital content creation"
        case .safety: "Safety"
        case .problemSolving: "Problem solving"
        }
    }
}
