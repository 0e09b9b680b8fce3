import HubStore

/// Real-looking Vietnamese names for a generated province: places and people. The places are
/// invented combinations of common name parts, not a real province's list.
enum SeedNames {
    static let province = "Tỉnh Sơn Hà"

    static let districtParts = [
        "Yên Lạc", "Tam Dương", "Lập Thạch", "Sông Lô", "Vĩnh Tường", "Bình Xuyên", "Tam Đảo", "Lâm Thao",
        "Thanh Sơn", "Hạ Hoà", "Đoan Hùng", "Cẩm Khê", "Phù Ninh", "Yên Lập", "Tân Sơn", "Thanh Thuỷ",
    ]

    static let communeFirst = [
        "Tân", "Hoà", "Phú", "Bình", "An", "Đồng", "Xuân", "Thanh", "Vĩnh", "Minh", "Hưng", "Quang", "Yên", "Hợp",
        "Trung", "Đại", "Kim", "Ngọc", "Phúc", "Thượng", "Hạ", "Long", "Sơn", "Tiên",
    ]
    static let communeSecond = [
        "Phú", "Lộc", "Thịnh", "Hưng", "Lợi", "Tiến", "Phong", "Thành", "Bình", "Hoà", "Lạc", "Xá", "Cương", "Tân",
        "Sơn", "Trung", "Đức", "Mỹ", "Khánh", "Long", "An", "Hải",
    ]

    static let villages = [
        "thôn Đông", "thôn Đoài", "thôn Thượng", "thôn Hạ", "thôn Trại", "xóm Mới", "thôn Gò", "bản Nà Lừa", "thôn Cầu",
    ]

    static let families: [(String, Double)] = [
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5), ("Phan", 4.5), ("Vũ", 4), ("Đặng", 2.1),
        ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Hà", 1), ("Đinh", 1),
        ("Lương", 0.6), ("Triệu", 0.4), ("Nông", 0.5), ("Lò", 0.3),
    ]

    static let womenMiddle = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Phương", "Kim"]
    static let menMiddle = ["Văn", "Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Công", "Xuân", "Thành"]

    static let womenGiven = [
        "Lan", "Hương", "Hoa", "Mai", "Huệ", "Hằng", "Thảo", "Trang", "Linh", "Ngọc", "Nga", "Loan", "Yến", "Dung",
        "Thuý",
        "Hạnh", "Phượng", "Vân", "Oanh", "Nhung", "Tuyết", "Hiền", "Liên", "Thu", "Bích", "Chi", "Anh", "Quyên", "Thơm",
        "Nụ",
    ]
    static let menGiven = [
        "Hùng", "Dũng", "Tuấn", "Minh", "Nam", "Long", "Hải", "Sơn", "Thắng", "Quang", "Bình", "Cường", "Đức", "Hiếu",
        "Phúc", "Toàn", "Trung", "Việt", "Khánh", "Tùng", "Lâm", "Thành", "Hoà", "Tiến", "Chiến", "Mạnh", "Huy", "Lợi",
        "Kiên", "An",
    ]

    /// Centre kinds: the places commune centres really are.
    static let centreKinds = [
        "Nhà văn hoá", "Bưu điện văn hoá xã", "Điểm trường tiểu học", "Trạm y tế xã", "Nhà văn hoá", "Thư viện xã",
    ]

    /// `codeLetters` of every given name, worked out once.
    static let givenCodeLetters: [String: String] = Dictionary(
        (womenGiven + menGiven).map { ($0, codeLetters($0)) }, uniquingKeysWith: { first, _ in first })

    /// ASCII capital letters of a name, for learner codes (`Hương` → `HUONG`).
    static func codeLetters(_ name: String) -> String {
        let folded = AreaLevel.fold(name).uppercased()
        return String(folded.filter { $0 >= "A" && $0 <= "Z" }.prefix(4))
    }
}
