import Foundation

/// Text made ready for the Vietnamese read-aloud voice: the words learners meet every day
/// (OTP, VNeID, AI, QR, Wi-Fi, Zalo…) said the way a Vietnamese speaker says them, numbers in
/// words (`50.000` năm mươi nghìn, `2,5` hai phẩy năm, `80%` tám mươi phần trăm), and hotlines
/// and phone numbers digit by digit (`113` một một ba).
///
/// The pronunciation list is plain data: add a word here when a lesson brings a new one.
enum SpokenText {
    /// How a term is said in Vietnamese, matched as a whole word: exactly as written when it
    /// has capitals (`AI` is not the Vietnamese `ai`), in any case when it is all lower case.
    static let pronunciations: [(term: String, spoken: String)] = [
        ("OTP", "ô tê pê"),
        ("VNeID", "vê en e ai đi"),
        ("VssID", "vê ét ét ai đi"),
        ("AI", "ây ai"),
        ("QR", "kiu a"),
        ("Wi-Fi", "oai phai"),
        ("WiFi", "oai phai"),
        ("Zalo", "da lô"),
        ("email", "i meo"),
        ("e-mail", "i meo"),
        ("app", "áp"),
        ("ATM", "a tê mờ"),
        ("PIN", "pin"),
        ("SIM", "sim"),
        ("SMS", "ét em ét"),
        ("USB", "u ét bê"),
        ("GPS", "gi pi ét"),
        ("NFC", "en ép xê"),
        ("Internet", "in tơ nét"),
        ("online", "on lai"),
        ("Facebook", "phây búc"),
        ("YouTube", "diu túp"),
        ("TikTok", "tích tóc"),
        ("Google", "gu gồ"),
        ("iPhone", "ai phôn"),
        ("Android", "an đờ roi"),
        ("Bluetooth", "bờ lu tút"),
        ("link", "linh"),
        ("password", "pát quớt"),
        ("deepfake", "đíp phếch"),
        ("chatbot", "chát bót"),
        ("ChatGPT", "chát gi pi ti"),
        ("CCCD", "căn cước công dân"),
        ("CMND", "chứng minh nhân dân"),
        ("VNĐ", "việt nam đồng"),
        ("HọcSố", "học số"),
        ("HocSo", "học số"),
    ]

    /// Marks drawn on screen that a voice would read as words.
    static let silent: Set<Unicode.Scalar> = [
        "✓", "✗", "◐", "›", "•", "▏", "●", "○", "⊘", "▶", "★", "─", "│", "▲", "▼",
    ]

    /// Words after which a three-digit number is a hotline, said digit by digit.
    static let hotlineCues = ["số", "gọi", "tổng đài", "đường dây nóng", "hotline", "đầu số", "quay số", "bấm"]

    /// `text` ready for the voice of `language` (`vi`; other languages are left as they are).
    static func prepare(_ text: String, language: String) -> String {
        // Marks that only the eye needs (ticks, pointers, bullets) are not read out.
        let plain = String(String.UnicodeScalarView(text.unicodeScalars.filter { !Self.silent.contains($0) }))
        guard language.lowercased().hasPrefix("vi") else { return plain }
        return numbers(terms(plain))
    }

    /// The terms of the pronunciation list replaced by how they are said.
    static func terms(_ text: String) -> String {
        var out = text
        for (term, spoken) in pronunciations {
            let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: term) + "(?![\\p{L}\\p{N}])"
            let options: NSRegularExpression.Options = term == term.lowercased() ? [.caseInsensitive] : []
            guard let regex = try? NSRegularExpression(pattern: pattern, options: options) else { continue }
            out = regex.stringByReplacingMatches(
                in: out, range: NSRange(out.startIndex..., in: out),
                withTemplate: NSRegularExpression.escapedTemplate(for: spoken))
        }
        return out
    }

    /// Numbers replaced by words, hotlines and phone numbers by their digits.
    static func numbers(_ text: String) -> String {
        let pattern = "(\\d+(?:[.,]\\d+)*)(\\s*%)?(\\s*(?:đồng|đ)(?![\\p{L}]))?"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let nsText = text as NSString
        var out = ""
        var last = 0
        let matches = regex.matches(in: text, range: NSRange(location: 0, length: nsText.length))
        for (index, match) in matches.enumerated() {
            out += nsText.substring(with: NSRange(location: last, length: match.range.location - last))
            let number = nsText.substring(with: match.range(at: 1))
            let before = nsText.substring(to: match.range.location).lowercased()
            let after = nsText.substring(from: match.range.location + match.range.length)
            // A run of digit groups (`1900 9068`, `0912 345 678`) is a phone number.
            let phoneRun =
                (after.first == " " && after.dropFirst().first?.isNumber == true)
                || (index > 0
                    && matches[index - 1].range.location + matches[index - 1].range.length + 1
                        == match.range.location
                    && before.hasSuffix(" ")
                    && Self.isPlainDigits(
                        nsText.substring(with: matches[index - 1].range(at: 1))))
            var spoken = say(
                number, hotline: isHotline(number, before: before), phone: phoneRun && isPlainDigits(number))
            if match.range(at: 2).location != NSNotFound { spoken += " phần trăm" }
            if match.range(at: 3).location != NSNotFound { spoken += " đồng" }
            out += spoken
            last = match.range.location + match.range.length
        }
        out += nsText.substring(from: last)
        return out
    }

    static func isPlainDigits(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }

    /// A three-digit number after a cue (`gọi 113`), or one of the national short numbers.
    static func isHotline(_ number: String, before: String) -> Bool {
        guard isPlainDigits(number), (3...4).contains(number.count) else { return false }
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        return hotlineCues.contains { trimmed.hasSuffix($0) }
            || ["111", "112", "113", "114", "115", "156"].contains(number)
    }

    /// One number in words (or digits, for hotlines, phone numbers and long digit strings).
    static func say(_ number: String, hotline: Bool, phone: Bool) -> String {
        if hotline || phone { return VietnameseNumberWords.spelled(Substring(number)) }
        let groups = number.split(separator: ".", omittingEmptySubsequences: false)
        let groupedThousands =
            groups.count > 1 && (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            && !number.contains(",")
        if groupedThousands || (!number.contains(".") && !number.contains(",")) {
            let digits = number.replacingOccurrences(of: ".", with: "")
            // Long unbroken digit strings (codes, account numbers) are said digit by digit.
            if digits.count > 9 || (digits.count > 1 && digits.hasPrefix("0")) {
                return VietnameseNumberWords.spelled(Substring(digits))
            }
            return Int(digits).map(VietnameseNumberWords.words) ?? number
        }
        let parts = number.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count == 2, let whole = Int(parts[0].replacingOccurrences(of: ".", with: "")), !parts[1].isEmpty,
            parts[1].allSatisfy(\.isNumber)
        {
            return VietnameseNumberWords.decimal(whole: whole, fraction: parts[1])
        }
        // A dotted version or date (`1.2.3`, `01.03.2026`): its parts one after another.
        return number.split(whereSeparator: { $0 == "." || $0 == "," }).map {
            Int($0).map(VietnameseNumberWords.words) ?? String($0)
        }.joined(separator: " chấm ")
    }
}
