import CourseModel
import Foundation

/// A level of the hierarchy reports group by. Centres hang under communes.
public enum AreaLevel: String, Sendable, Codable, CaseIterable, Comparable {
    /// A province (tỉnh) or centrally-run city.
    case province
    /// A district (huyện); Vietnam removed this level in mid-2025, so it may be absent.
    case district
    /// A commune or ward (xã, phường).
    case commune
    /// A learning centre (a node), attached to a commune.
    case center

    /// Depth from the top, for ordering.
    public var depth: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Higher levels sort first.
    public static func < (a: AreaLevel, b: AreaLevel) -> Bool { a.depth < b.depth }

    /// Reads `province`, `tinh`, `tỉnh` and so on (Vietnamese or English, with or without marks).
    public init?(spelling: String) {
        let key = AreaLevel.fold(spelling)
        switch key {
        case "province", "tinh", "thanh pho", "tinh/thanh pho": self = .province
        case "district", "huyen", "quan", "thi xa": self = .district
        case "commune", "xa", "phuong", "thi tran", "ward": self = .commune
        case "center", "centre", "trung tam", "diem": self = .center
        default: return nil
        }
    }
}

extension AreaLevel {
    /// Lower case, no diacritics, `đ` as `d`, spaces collapsed: for matching what people type.
    public static func fold(_ text: String) -> String {
        let stripped = VietnameseText.strippingDiacritics(VietnameseText.nfc(text).lowercased())
            .replacingOccurrences(of: "đ", with: "d")
        return stripped.split(whereSeparator: { $0.isWhitespace || $0 == "_" }).joined(separator: " ")
    }
}
