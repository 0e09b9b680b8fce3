import CourseModel
import Foundation
import LearnerEvents
import Localization

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
    public static func isValidCode(_ code: String) -> Bool { LearnerCode.isValid(code) }
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
                throw ProgressStoreError(.invalidLearner, field: "code", ProgressStoreText.badCode)
            }
            v.code = upper
        }
        v.displayName = Self.cleaned(displayName)
        guard (1...100).contains(v.displayName.count), !ControlCharacters.found(in: v.displayName) else {
            throw ProgressStoreError(.invalidLearner, field: "name", ProgressStoreText.badName)
        }
        guard (1900...currentYear).contains(birthYear) else {
            throw ProgressStoreError(
                .invalidLearner, field: "birth_year", ProgressStoreText.badBirthYear(upTo: currentYear))
        }
        v.commune = Self.cleaned(commune)
        guard (1...100).contains(v.commune.count), !ControlCharacters.found(in: v.commune) else {
            throw ProgressStoreError(.invalidLearner, field: "commune", ProgressStoreText.badCommune)
        }
        if let pin {
            let trimmed = pin.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                v.pin = nil
            } else {
                guard (4...6).contains(trimmed.count), trimmed.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
                else {
                    throw ProgressStoreError(.invalidLearner, field: "pin", ProgressStoreText.badPIN)
                }
                v.pin = trimmed
            }
        }
        return v
    }

    /// The public facts a hub may know: never the name or the PIN.
    var facts: LearnerFacts {
        LearnerFacts(birthYear: birthYear, gender: gender?.rawValue, commune: commune)
    }

    /// NFC, trimmed, inner runs of spaces collapsed: what is stored and compared.
    static func cleaned(_ text: String) -> String {
        VietnameseText.nfc(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
