import CourseModel
import Credentials
import Foundation
import GRDB
import LearnerEvents

extension CentreStore {
    /// Registers a learner and records `learner.registered`, in one transaction.
    ///
    /// Without a code, one is suggested from the name (`Nguyễn Thị Lan` → `LAN1`).
    @discardableResult
    public func addLearner(_ new: NewLearner) throws -> Learner {
        let valid = try new.validated(currentYear: currentYear)
        let pinHash = valid.pin.map { SecretHash.make($0) }
        return try storageErrors {
            try writeImmediate { db in try self.insert(valid, pinHash: pinHash, db) }
        }
    }

    /// Changes a learner's facts (nil fields stay) and records `learner.updated`.
    @discardableResult
    public func updateLearner(code: String, _ change: LearnerChange) throws -> Learner {
        guard let current = try learner(code: code) else {
            throw ProgressStoreError(.unknownLearner, ProgressStoreText.unknownLearner)
        }
        let merged = NewLearner(
            code: current.code, displayName: change.displayName ?? current.displayName,
            birthYear: change.birthYear ?? current.birthYear, gender: change.gender ?? current.gender,
            commune: change.commune ?? current.commune, pin: change.pin)
        let valid = try merged.validated(currentYear: currentYear)
        let pinHash = valid.pin.map { SecretHash.make($0) }
        return try storageErrors {
            try writeImmediate { db in
                let at = now()
                try db.execute(
                    sql: """
                        UPDATE learners SET display_name = ?, birth_year = ?, gender = ?, commune = ?,
                            pin_hash = CASE WHEN ? THEN NULL ELSE coalesce(?, pin_hash) END, updated_at = max(registered_at, ?)
                        WHERE code = ?
                        """,
                    arguments: [
                        valid.displayName, valid.birthYear, valid.gender?.rawValue, valid.commune, change.removePIN,
                        pinHash, at, current.code,
                    ])
                _ = try append(.learnerUpdated(learner: current.code, facts: valid.facts, at: at), recordedAt: at, db)
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT * FROM learners WHERE code = ?", arguments: [current.code])
                else {
                    throw ProgressStoreError(.unknownLearner, ProgressStoreText.unknownLearner)
                }
                return Self.learner(from: row)
            }
        }
    }

    /// Every learner, by code.
    public func learners() throws -> [Learner] {
        try storageErrors {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM learners ORDER BY code").map(Self.learner(from:))
            }
        }
    }

    /// The learner with this code (any case), if registered.
    public func learner(code: String) throws -> Learner? {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        return try storageErrors {
            try pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM learners WHERE code = ?", arguments: [code]).map(
                    Self.learner(from:))
            }
        }
    }

    /// Whether the learner may sign in with `pin`: true when the learner exists and either has no
    /// PIN or this PIN matches.
    public func verifyPIN(code: String, pin: String?) throws -> Bool {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        let stored = try storageErrors {
            try pool.read { db in
                try Row.fetchOne(db, sql: "SELECT pin_hash FROM learners WHERE code = ?", arguments: [code])
            }
        }
        guard let stored else { return false }
        guard let hash: String = stored["pin_hash"] else { return true }
        guard let pin else { return false }
        return SecretHash.verify(pin.trimmingCharacters(in: .whitespaces), against: hash)
    }

    /// A free, easy code for a name: the given name (last word) without marks, upper case, then
    /// the first free number: `Nguyễn Thị Lan` → `LAN1`, `LAN2`…
    public func suggestCode(for name: String) throws -> String {
        try storageErrors { try pool.read { db in try Self.suggestCode(for: name, db) } }
    }

    /// Makes sure the demo learner `DEMO` ("Người học thử") exists, for the README's first run.
    @discardableResult
    public func ensureDemoLearner() throws -> Learner {
        if let existing = try learner(code: LearnerCode.demo) { return existing }
        do {
            return try addLearner(
                NewLearner(code: LearnerCode.demo, displayName: "Người học thử", birthYear: 2000, commune: "Thử nghiệm")
            )
        } catch let error as ProgressStoreError where error.kind == .duplicateCode {
            // Another terminal made it a moment ago.
            guard let existing = try learner(code: LearnerCode.demo) else { throw error }
            return existing
        }
    }

    /// The current year by the store's clock (UTC), bounding birth years.
    var currentYear: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.component(.year, from: Date(timeIntervalSince1970: Double(now()) / 1000))
    }

    /// Inserts a validated learner and its event inside the caller's transaction.
    func insert(_ valid: NewLearner, pinHash: String?, _ db: Database) throws -> Learner {
        let code = try valid.code ?? Self.suggestCode(for: valid.displayName, db)
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM learners WHERE code = ?)", arguments: [code])
            == true
        {
            throw ProgressStoreError(.duplicateCode, field: "code", ProgressStoreText.codeTaken)
        }
        let at = now()
        try db.execute(
            sql: """
                INSERT INTO learners (code, display_name, birth_year, gender, commune, pin_hash, registered_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                code, valid.displayName, valid.birthYear, valid.gender?.rawValue, valid.commune, pinHash, at, at,
            ])
        _ = try append(.learnerRegistered(learner: code, facts: valid.facts, at: at), recordedAt: at, db)
        return Learner(
            code: code, displayName: valid.displayName, birthYear: valid.birthYear, gender: valid.gender,
            commune: valid.commune, hasPIN: pinHash != nil, registeredAt: at)
    }

    static func suggestCode(for name: String, _ db: Database) throws -> String {
        let words = VietnameseText.strippingDiacritics(name).uppercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { String($0.unicodeScalars.filter { ("A"..."Z").contains($0) }.map(Character.init)) }
            .filter { !$0.isEmpty }
        var base = String((words.last ?? "HV").prefix(5))
        if base.isEmpty { base = "HV" }
        for number in 1...99_999 {
            let candidate = base + String(number)
            guard candidate.count >= 3 else { continue }
            guard candidate.count <= 8 else { break }
            let taken = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM learners WHERE code = ?)", arguments: [candidate])
            if taken != true { return candidate }
        }
        throw ProgressStoreError(.duplicateCode, field: "code", ProgressStoreText.noFreeCode)
    }

    static func learner(from row: Row) -> Learner {
        let gender: String? = row["gender"]
        let pin: String? = row["pin_hash"]
        return Learner(
            code: row["code"], displayName: row["display_name"], birthYear: row["birth_year"],
            gender: gender.flatMap(Gender.init(rawValue:)), commune: row["commune"], hasPIN: pin != nil,
            registeredAt: row["registered_at"])
    }
}

/// A change to a learner's facts; nil fields stay as they are.
public struct LearnerChange: Sendable, Equatable {
    /// New display name.
    public var displayName: String?
    /// New birth year.
    public var birthYear: Int?
    /// New gender.
    public var gender: Gender?
    /// New commune.
    public var commune: String?
    /// New PIN.
    public var pin: String?
    /// Remove the PIN.
    public var removePIN: Bool

    /// Makes a change.
    public init(
        displayName: String? = nil, birthYear: Int? = nil, gender: Gender? = nil, commune: String? = nil,
        pin: String? = nil, removePIN: Bool = false
    ) {
        self.displayName = displayName
        self.birthYear = birthYear
        self.gender = gender
        self.commune = commune
        self.pin = pin
        self.removePIN = removePIN
    }
}
