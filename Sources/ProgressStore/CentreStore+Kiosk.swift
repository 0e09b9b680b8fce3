import Credentials
import Foundation
import GRDB

/// How the learner client runs at this centre: as a kiosk on a shared computer or not, and how
/// long a quiet terminal waits before it signs its learner out.
public struct ClientSettings: Sendable, Equatable {
    /// Whether the client starts as a kiosk (no way out to a shell without the operator key).
    public var kiosk: Bool
    /// Minutes without a key press before a kiosk signs its learner out.
    public var idleMinutes: Int
    /// Whether leaving a kiosk asks for the operator's code.
    public var hasOperatorCode: Bool

    /// The settings of a centre that never changed them: no kiosk, ten minutes.
    public static let standard = ClientSettings(kiosk: false, idleMinutes: 10, hasOperatorCode: false)

    /// The idle limits an operator may set.
    public static let idleRange = 1...240

    /// Makes settings.
    public init(kiosk: Bool, idleMinutes: Int, hasOperatorCode: Bool) {
        self.kiosk = kiosk
        self.idleMinutes = idleMinutes
        self.hasOperatorCode = hasOperatorCode
    }
}

extension CentreStore {
    /// The kiosk settings and wrong-PIN counts (`v7-kiosk-and-pin-attempts`): one settings row, and
    /// one row per learner who typed a wrong PIN since their last sign-in.
    static func v7KioskAndPINAttempts(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE client_settings (
                    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
                    kiosk INTEGER NOT NULL DEFAULT 0 CHECK (kiosk IN (0, 1)),
                    idle_minutes INTEGER NOT NULL DEFAULT 10 CHECK (idle_minutes BETWEEN 1 AND 240),
                    operator_code_hash TEXT CHECK (operator_code_hash IS NULL OR operator_code_hash GLOB 'pbkdf2-sha256$*')
                );

                CREATE TABLE pin_attempts (
                    learner TEXT PRIMARY KEY NOT NULL REFERENCES learners(code),
                    failures INTEGER NOT NULL CHECK (failures >= 1),
                    last_failure_at INTEGER NOT NULL,
                    locked_until INTEGER NOT NULL DEFAULT 0 CHECK (locked_until >= 0)
                ) WITHOUT ROWID;
                PRAGMA user_version = 7;
                """)
    }

    /// The centre's client settings (the standard ones until an operator sets them).
    public func clientSettings() throws -> ClientSettings {
        try storageErrors {
            try pool.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM client_settings WHERE id = 1") else {
                    return .standard
                }
                let hash: String? = row["operator_code_hash"]
                return ClientSettings(
                    kiosk: row["kiosk"], idleMinutes: row["idle_minutes"], hasOperatorCode: hash != nil)
            }
        }
    }

    /// Changes the client settings; nil leaves a setting as it is. `operatorCode` "" removes the code.
    @discardableResult
    public func setClientSettings(kiosk: Bool? = nil, idleMinutes: Int? = nil, operatorCode: String? = nil) throws
        -> ClientSettings
    {
        if let idleMinutes, !ClientSettings.idleRange.contains(idleMinutes) {
            throw ProgressStoreError(.invalidLearner, field: "idle_minutes", KioskText.badIdleMinutes)
        }
        if let operatorCode, !operatorCode.isEmpty, !Self.isFourToSixDigits(operatorCode) {
            throw ProgressStoreError(.invalidLearner, field: "operator_code", KioskText.badOperatorCode)
        }
        let hash = operatorCode.flatMap { $0.isEmpty ? nil : SecretHash.make($0) }
        try storageErrors {
            try writeImmediate { db in
                try db.execute(sql: "INSERT OR IGNORE INTO client_settings (id) VALUES (1)")
                if let kiosk {
                    try db.execute(sql: "UPDATE client_settings SET kiosk = ? WHERE id = 1", arguments: [kiosk])
                }
                if let idleMinutes {
                    try db.execute(
                        sql: "UPDATE client_settings SET idle_minutes = ? WHERE id = 1", arguments: [idleMinutes])
                }
                if operatorCode != nil {
                    try db.execute(
                        sql: "UPDATE client_settings SET operator_code_hash = ? WHERE id = 1", arguments: [hash])
                }
            }
        }
        return try clientSettings()
    }

    /// Whether `code` is the operator's code (true when no code is set: the key alone is enough).
    public func verifyOperatorCode(_ code: String) throws -> Bool {
        let hash = try storageErrors {
            try pool.read { db in
                try String.fetchOne(db, sql: "SELECT operator_code_hash FROM client_settings WHERE id = 1")
            }
        }
        guard let hash else { return true }
        return SecretHash.verify(code, against: hash)
    }

    /// 4–6 ASCII digits, as PINs and operator codes are.
    static func isFourToSixDigits(_ text: String) -> Bool {
        (4...6).contains(text.count) && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}
