/// Numbers in Vietnamese words, as a Vietnamese speaker reads them aloud: `21` hai mươi mốt,
/// `105` một trăm linh năm, `1.005` một nghìn không trăm linh năm, `2,5` hai phẩy năm.
///
/// The read-aloud voice (espeak-ng) reads digits itself, but not the way people here say them:
/// grouped thousands (`50.000`) and decimal commas (`2,5`) come out as separate numbers, and a
/// hotline (`113`) must be said digit by digit. The read-aloud text is prepared with these.
enum VietnameseNumberWords {
    static let digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// `n` in words (negative numbers start with `âm`).
    static func words(_ n: Int) -> String {
        if n < 0 { return "âm " + words(-n) }
        if n == 0 { return digits[0] }
        let scales: [(Int, String)] = [(1_000_000_000, "tỷ"), (1_000_000, "triệu"), (1_000, "nghìn"), (1, "")]
        var parts: [String] = []
        var rest = n
        var leading = true
        for (scale, name) in scales {
            let group = rest / scale
            rest %= scale
            if scale == 1_000_000_000, group >= 1000 {
                // Thousands of billions: say the billions as a number of their own.
                parts.append(words(group) + " tỷ")
                leading = false
                continue
            }
            guard group > 0 else { continue }
            parts.append(([hundreds(group, full: !leading)] + (name.isEmpty ? [] : [name])).joined(separator: " "))
            leading = false
        }
        return parts.joined(separator: " ")
    }

    /// A group of three digits; `full` (not the first group) says `không trăm` and `linh`.
    static func hundreds(_ n: Int, full: Bool) -> String {
        let (h, t, u) = (n / 100, n / 10 % 10, n % 10)
        var out: [String] = []
        if h > 0 || full { out.append(digits[h] + " trăm") }
        switch t {
        case 0:
            if u > 0 { out.append((h > 0 || full ? "linh " : "") + digits[u]) }
        case 1:
            out.append("mười")
            if u > 0 { out.append(u == 5 ? "lăm" : digits[u]) }
        default:
            out.append(digits[t] + " mươi")
            if u > 0 { out.append(u == 1 ? "mốt" : u == 4 ? "tư" : u == 5 ? "lăm" : digits[u]) }
        }
        return out.joined(separator: " ")
    }

    /// Digits one by one: `113` một một ba.
    static func spelled(_ digitsText: Substring) -> String {
        digitsText.compactMap { $0.wholeNumberValue.map { digits[$0] } }.joined(separator: " ")
    }

    /// A decimal with a comma: `2,5` hai phẩy năm, `0,05` không phẩy không năm.
    static func decimal(whole: Int, fraction: Substring) -> String {
        // Leading zeros after the comma are said one by one, the rest as a number.
        let zeros = fraction.prefix { $0 == "0" }
        let rest = fraction.dropFirst(zeros.count)
        var out = words(whole) + " phẩy"
        if !zeros.isEmpty { out += " " + spelled(zeros) }
        if let value = Int(rest), !rest.isEmpty { out += " " + (rest.count > 3 ? spelled(rest) : words(value)) }
        return out
    }
}
