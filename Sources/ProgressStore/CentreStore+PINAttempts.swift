import Credentials
import Foundation
import GRDB
import Localization

/// How many wrong PINs a learner may type before waiting, and how long the waits grow.
///
/// The count is kept in the centre database, so closing the client or moving to another
/// terminal does not reset it; a right PIN or `hocso center learners reset-pin` does.
public enum PINLockPolicy {
    /// Wrong PINs allowed before the first wait.
    public static let freeAttempts = 5
    /// The first wait, in milliseconds.
    public static let firstDelayMs: Int64 = 30_000
    /// The longest wait, in milliseconds.
    public static let longestDelayMs: Int64 = 30 * 60_000

    /// The wait after the `failures`-th wrong PIN in a row: none for the first four, then 30 s,
    /// 1 min, 2 min… doubling up to 30 minutes.
    public static func delayMs(afterFailures failures: Int) -> Int64 {
        guard failures >= freeAttempts else { return 0 }
        let doublings = min(failures - freeAttempts, 16)
        return min(longestDelayMs, firstDelayMs << Int64(doublings))
    }
}

/// What typing a PIN gave.
public enum PINOutcome: Sendable, Equatable {
    /// The PIN is right (or the learner has none): sign in.
    case accepted
    /// The PIN is wrong: `failures` in a row so far; `lockedUntil` (ms since 1970) when the
    /// learner must now wait.
    case wrong(failures: Int, lockedUntil: Int64?)
    /// Too many wrong PINs: no PIN is checked until this time (ms since 1970).
    case locked(until: Int64)
    /// No learner has this code.
    case unknownLearner
}

extension CentreStore {
    /// Checks a PIN typed at sign-in, counting wrong ones and refusing any while a wait runs.
    public func attemptPIN(code: String, pin: String) throws -> PINOutcome {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        let at = now()
        let state = try storageErrors {
            try pool.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT l.pin_hash, a.failures, a.locked_until FROM learners l
                        LEFT JOIN pin_attempts a ON a.learner = l.code WHERE l.code = ?
                        """, arguments: [code])
            }
        }
        guard let state else { return .unknownLearner }
        let lockedUntil: Int64 = state["locked_until"] ?? 0
        if lockedUntil > at { return .locked(until: lockedUntil) }
        // The hash is checked outside any transaction: PBKDF2 is slow on purpose, and other
        // terminals must not wait for it.
        let hash: String? = state["pin_hash"]
        if hash == nil || SecretHash.verify(pin.trimmingCharacters(in: .whitespaces), against: hash ?? "") {
            try clearPINAttempts(code: code)
            return .accepted
        }
        return try storageErrors {
            try writeImmediate { db in
                try db.execute(
                    sql: """
                        INSERT INTO pin_attempts (learner, failures, last_failure_at) VALUES (?, 1, ?)
                        ON CONFLICT (learner) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at
                        """, arguments: [code, at])
                let failures =
                    try Int.fetchOne(
                        db, sql: "SELECT failures FROM pin_attempts WHERE learner = ?", arguments: [code]) ?? 1
                let delay = PINLockPolicy.delayMs(afterFailures: failures)
                guard delay > 0 else { return .wrong(failures: failures, lockedUntil: nil) }
                try db.execute(
                    sql: "UPDATE pin_attempts SET locked_until = ? WHERE learner = ?", arguments: [at + delay, code])
                return .wrong(failures: failures, lockedUntil: at + delay)
            }
        }
    }

    /// How many wrong PINs the learner typed since signing in last (0 when none).
    public func pinFailures(code: String) throws -> Int {
        try storageErrors {
            try pool.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT failures FROM pin_attempts WHERE learner = ?", arguments: [code.uppercased()]) ?? 0
            }
        }
    }

    /// Forgets a learner's wrong PINs and any wait.
    public func clearPINAttempts(code: String) throws {
        try storageErrors {
            try writeImmediate { db in
                try db.execute(sql: "DELETE FROM pin_attempts WHERE learner = ?", arguments: [code.uppercased()])
            }
        }
    }

    /// The centre staff's reset (`hocso center learners reset-pin`): clears the wrong PINs and the
    /// wait, and sets a new PIN, removes it (`remove`), or keeps it (neither).
    @discardableResult
    public func resetPIN(code: String, newPIN: String? = nil, remove: Bool = false) throws -> Learner {
        guard let learner = try learner(code: code) else {
            throw ProgressStoreError(.unknownLearner, ProgressStoreText.unknownLearner)
        }
        if let newPIN, !Self.isFourToSixDigits(newPIN.trimmingCharacters(in: .whitespaces)) {
            throw ProgressStoreError(.invalidLearner, field: "pin", ProgressStoreText.badPIN)
        }
        let changed =
            (newPIN != nil || remove)
            ? try updateLearner(code: learner.code, LearnerChange(pin: newPIN, removePIN: remove)) : learner
        try clearPINAttempts(code: learner.code)
        return changed
    }
}

/// What the kiosk settings and PIN checks say, in both languages.
enum KioskText {
    static let badIdleMinutes = Phrase(
        vi: "thời gian chờ phải từ 1 đến 240 phút", en: "the idle time must be 1 to 240 minutes")
    static let badOperatorCode = Phrase(
        vi: "mã nhân viên phải gồm 4–6 chữ số", en: "the operator code must be 4–6 digits")
}
