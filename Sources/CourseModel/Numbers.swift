import Foundation

/// Reading numbers the way Vietnamese learners and authors write them.
///
/// Vietnamese uses a decimal comma and a dot between thousands (`2,5`, `50.000`); many phones
/// and English texts use the opposite. A learner's number is therefore read in every way it can
/// be meant, and an answer is right when any reading is right.
public enum Numbers {
    /// Every value `text` can reasonably mean, e.g. `2.500` → [2500, 2.5]; empty when it is no number.
    public static func readings(of text: String) -> [Double] {
        var s = VietnameseText.nfc(text).trimmingCharacters(in: .whitespacesAndNewlines)
        s = s.replacingOccurrences(of: "\u{2212}", with: "-")  // minus sign
        if s.hasSuffix("%") { s.removeLast() }
        s = s.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{A0}", with: "")
        guard !s.isEmpty else { return [] }
        var sign = 1.0
        if s.hasPrefix("-") {
            sign = -1
            s.removeFirst()
        } else if s.hasPrefix("+") {
            s.removeFirst()
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }),
            s.first?.isNumber == true || s.first == "," || s.first == "."
        else { return [] }

        var values: [Double] = []
        func add(_ candidate: String) {
            if let v = Double(candidate), v.isFinite, !values.contains(sign * v) { values.append(sign * v) }
        }
        let commas = s.filter { $0 == "," }.count
        let dots = s.filter { $0 == "." }.count
        switch (commas, dots) {
        case (0, 0):
            add(s)
        case (1, 0):
            add(s.replacingOccurrences(of: ",", with: "."))  // decimal comma: 2,5
            if groupedByThousands(s, separator: ",") { add(s.replacingOccurrences(of: ",", with: "")) }
        case (0, 1):
            add(s)  // decimal point: 2.5
            if groupedByThousands(s, separator: ".") { add(s.replacingOccurrences(of: ".", with: "")) }
        case (_, 0) where groupedByThousands(s, separator: ","):
            add(s.replacingOccurrences(of: ",", with: ""))  // 1,000,000
        case (0, _) where groupedByThousands(s, separator: "."):
            add(s.replacingOccurrences(of: ".", with: ""))  // 1.000.000
        default:
            // Both separators: the last one is the decimal mark, the other groups thousands.
            guard let lastComma = s.lastIndex(of: ","), let lastDot = s.lastIndex(of: ".") else { return [] }
            let (decimal, group): (Character, Character) = lastComma > lastDot ? (",", ".") : (".", ",")
            let parts = s.split(separator: decimal, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].contains(group), groupedByThousands(String(parts[0]), separator: group)
            else { return [] }
            add(parts[0].replacingOccurrences(of: String(group), with: "") + "." + parts[1])
        }
        return values
    }

    /// Whether `s` is digits grouped by three with `separator` (`1.000.000`).
    static func groupedByThousands(_ s: String, separator: Character) -> Bool {
        let groups = s.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count >= 2, let head = groups.first, (1...3).contains(head.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// Parses an author's numeric key: `2,5 ± 0,05`, `2.5 +- 0.05`, `10 ± 5%`, `[2,4; 2,6]`, `[2.4, 2.6]`.
    /// Returns `nil` when `text` is not a numeric key (then it is a text answer).
    public static func parseKey(_ text: String) -> KeyParse? {
        let s = VietnameseText.nfc(text).trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("[") || s.hasSuffix("]") {
            guard s.hasPrefix("["), s.hasSuffix("]") else { return .invalid(.unclosedRange) }
            let inner = String(s.dropFirst().dropLast())
            let bounds: [Substring] =
                inner.contains(";")
                ? inner.split(separator: ";") : inner.components(separatedBy: ", ").map { Substring($0) }
            guard bounds.count == 2 else { return .invalid(.rangeNeedsTwoBounds) }
            guard let low = unambiguous(String(bounds[0])), let high = unambiguous(String(bounds[1])) else {
                return .invalid(.boundsNotNumbers)
            }
            guard low <= high else { return .invalid(.boundsReversed) }
            return .range(NumericRange(lower: low, upper: high, display: s))
        }
        for marker in ["±", "+-", "+/-"] where s.contains(marker) {
            let parts = s.components(separatedBy: marker)
            guard parts.count == 2 else { return .invalid(.oneValueOneTolerance) }
            guard let value = unambiguous(parts[0]) else {
                return .invalid(.notANumber(parts[0].trimmingCharacters(in: .whitespaces)))
            }
            var tolText = parts[1].trimmingCharacters(in: .whitespaces)
            let relative = tolText.hasSuffix("%")
            if relative { tolText.removeLast() }
            guard let tol = unambiguous(tolText), tol >= 0 else {
                return .invalid(.notATolerance(parts[1].trimmingCharacters(in: .whitespaces)))
            }
            let delta = relative ? abs(value) * tol / 100 : tol
            return .range(NumericRange(lower: value - delta, upper: value + delta, display: s))
        }
        return nil
    }

    /// The result of reading an author's numeric key.
    public enum KeyParse: Sendable, Equatable {
        /// A well-formed key.
        case range(NumericRange)
        /// It looks numeric but does not parse; the problem says why.
        case invalid(KeyProblem)
    }

    /// Why a numeric key does not parse (the compiler words it for authors in their language).
    public enum KeyProblem: Sendable, Equatable {
        /// `[` without `]`, or the reverse.
        case unclosedRange
        /// A range without exactly two bounds.
        case rangeNeedsTwoBounds
        /// A range bound that is not a number.
        case boundsNotNumbers
        /// `[high; low]`.
        case boundsReversed
        /// More than one `±`.
        case oneValueOneTolerance
        /// The value before `±` is not a number.
        case notANumber(String)
        /// The tolerance after `±` is not a number.
        case notATolerance(String)
    }

    /// An author's number, which must have a single reading: `2,5`, `0.05`, `1.000`→ ambiguous → first.
    static func unambiguous(_ text: String) -> Double? {
        // Authors write keys deliberately, so the first (decimal) reading is the one meant.
        readings(of: text).first
    }

    /// Formats a number with a decimal comma, as Vietnamese readers expect (`2,5`).
    public static func vietnamese(_ value: Double) -> String {
        var s = value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        s = s.replacingOccurrences(of: ".", with: ",")
        return s
    }
}
