import CourseModel
import Foundation

/// A learner registered at the centre.
public struct Learner: Sendable, Equatable, Codable {
    /// Short code, unique in the centre, upper case (`LAN24`).
    public var code: String
    /// Display name, NFC.
    public var displayName: String
    /// Birth year.
    public var birthYear: Int
    /// `nu`, `nam`, `khac`, or nil.
    public var gender: Gender?
    /// Commune (xã/phường).
    public var commune: String
    /// Whether signing in needs a PIN.
    public var hasPIN: Bool
    /// When registered, ms since 1970 UTC.
    public var registeredAt: Int64

    /// The learner's global key, `<node>/<code>`: seeds shuffles and names the learner at hubs.
    public func globalKey(node: String) -> String { "\(node)/\(code)" }

    /// Whether `code` has the learner code form: 3–8 ASCII letters or digits, upper case.
    public static func isValidCode(_ code: String) -> Bool {
        (3...8).contains(code.count)
            && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}

/// Gender as recorded: female, male, other.
public enum Gender: String, Sendable, Codable, CaseIterable {
    /// Nữ.
    case nu
    /// Nam.
    case nam
    /// Khác.
    case khac

    /// Reads what operators type: `nu`, `nữ`, `nam`, `khác`, `F`, `M`, `female`, `male`, `other`.
    public init?(reading text: String) {
        let key = VietnameseText.strippingDiacritics(text).lowercased().trimmingCharacters(in: .whitespaces)
        switch key {
        case "nu", "f", "female", "woman": self = .nu
        case "nam", "m", "male", "man": self = .nam
        case "khac", "other", "x": self = .khac
        default: return nil
        }
    }
}

/// What an operator gives to register a learner.
public struct NewLearner: Sendable, Equatable {
    /// The wanted code (any case); nil to suggest one from the name.
    public var code: String?
    /// Display name.
    public var displayName: String
    /// Birth year.
    public var birthYear: Int
    /// Gender, optional.
    public var gender: Gender?
    /// Commune.
    public var commune: String
    /// PIN of 4–6 digits, optional.
    public var pin: String?

    /// Makes a registration.
    public init(
        code: String?, displayName: String, birthYear: Int, gender: Gender? = nil, commune: String, pin: String? = nil
    ) {
        self.code = code
        self.displayName = displayName
        self.birthYear = birthYear
        self.gender = gender
        self.commune = commune
        self.pin = pin
    }

    /// The registration checked and normalised (code upper case, text NFC and trimmed), or the
    /// first problem found. `currentYear` bounds the birth year.
    func validated(currentYear: Int) throws -> NewLearner {
        var v = self
        if let code {
            let upper = code.trimmingCharacters(in: .whitespaces).uppercased()
            guard Learner.isValidCode(upper) else {
                throw ProgressStoreError(.invalidLearner, field: "code", "must be 3–8 letters or digits (A–Z, 0–9)")
            }
            v.code = upper
        }
        v.displayName = Self.cleaned(displayName)
        guard (1...100).contains(v.displayName.count) else {
            throw ProgressStoreError(.invalidLearner, field: "name", "must be 1–100 characters")
        }
        guard (1900...currentYear).contains(birthYear) else {
            throw ProgressStoreError(.invalidLearner, field: "birth_year", "must be between 1900 and \(currentYear)")
        }
        v.commune = Self.cleaned(commune)
        guard (1...100).contains(v.commune.count) else {
            throw ProgressStoreError(.invalidLearner, field: "commune", "must be 1–100 characters")
        }
        if let pin {
            let trimmed = pin.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                v.pin = nil
            } else {
                guard (4...6).contains(trimmed.count), trimmed.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
                else {
                    throw ProgressStoreError(.invalidLearner, field: "pin", "must be 4–6 digits")
                }
                v.pin = trimmed
            }
        }
        return v
    }

    /// NFC, trimmed, inner runs of spaces collapsed: what is stored and compared.
    static func cleaned(_ text: String) -> String {
        VietnameseText.nfc(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
