import CourseModel
import Foundation
import Localization

/// Numbers shown to learners as they write them: thousands grouped (`50.000` in Vietnamese,
/// `50,000` in English), a decimal comma in Vietnamese, no stray binary digits (`6,97`, never
/// `6,969999`), and a numeric answer key said in words instead of `6,98 ± 0,01`.
enum NumberText {
    /// `value` with its thousands grouped by `separator`.
    static func grouped(_ value: Int, separator: String) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A number as the language writes it, with at most `decimals` decimals and none trailing.
    static func say(_ value: Double, _ language: Language, decimals: Int = 4) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return Numbers.vietnamese(value) }
        let fixed = String(format: "%.\(decimals)f", abs(value))
        let parts = fixed.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int(parts[0]) ?? 0
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let (group, point) = language == .vi ? (".", ",") : (",", ".")
        // Four-digit numbers stay ungrouped (`2025`, `1900`): they are years and hotlines.
        let wholeText = whole >= 10_000 ? grouped(whole, separator: group) : String(whole)
        let negative = value < 0 && (whole > 0 || !fraction.isEmpty)
        return (negative ? "-" : "") + wholeText + (fraction.isEmpty ? "" : point + fraction)
    }

    /// A numeric answer key in words: `6,98`, `khoảng 6,98 (từ 6,97 đến 6,99)`, `từ 2,4 đến 2,6`.
    static func key(_ range: NumericRange, _ language: Language) -> String {
        let low = say(range.lower, language)
        let high = say(range.upper, language)
        if low == high { return low }
        let middle = (range.lower + range.upper) / 2
        // A range written around a value (`± 0,01`, `± 5%`) is said as that value; a written
        // interval (`[2,4; 2,6]`) as its two ends.
        if range.display.contains("±") || range.display.contains("+-") || range.display.contains("+/-") {
            return ClientText.around(say(middle, language), low, high)(language)
        }
        return ClientText.between(low, high)(language)
    }
}
