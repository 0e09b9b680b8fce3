import ArgumentParser
import CommandSupport
import Foundation
import Localization
import ProgressStore

extension CenterCommand {
    /// `hocso center learners reset-pin CODE [--pin NEW | --remove]`: after a learner typed too
    /// many wrong PINs (or forgot theirs), clears the count and the wait, and sets or removes the PIN.
    struct ResetPIN: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-pin",
            abstract:
                "Mở khoá mã PIN sau nhiều lần nhập sai; đặt PIN mới hoặc bỏ PIN. Unlock a PIN after wrong tries; set a new one or remove it."
        )

        @OptionGroup var common: Common
        @Argument(help: "Mã người học. The learner code.") var code: String
        @Option(help: "Mã PIN mới, 4–6 chữ số. A new PIN of 4–6 digits.") var pin: String?
        @Flag(help: "Bỏ mã PIN của người học. Remove the learner's PIN.") var remove = false

        func validate() throws {
            if pin != nil && remove { throw ValidationError(KioskCommandText.pinOrRemove) }
        }

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let store = try common.open()
                let failures = try store.pinFailures(code: code)
                let learner = try store.resetPIN(code: code, newPIN: pin, remove: remove)
                Console.say(KioskCommandText.reset(learner, failures: failures, pin: pin != nil, removed: remove), lang)
            }
        }
    }

    /// `hocso center kiosk [on|off] [--idle-minutes N] [--operator-code CODE]`: how the learner
    /// client runs on this centre's computers.
    struct Kiosk: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kiosk",
            abstract:
                "Chế độ máy dùng chung cho chương trình học: bật/tắt, thời gian tự đăng xuất, mã nhân viên. Kiosk mode for the learner client: on/off, idle sign-out, operator code."
        )

        @OptionGroup var common: Common
        @Argument(help: "on hoặc off (bỏ trống để xem). on or off (omit to show the settings).") var state: String?
        @Option(
            name: .customLong("idle-minutes"),
            help: "Tự đăng xuất sau số phút không dùng máy (1–240). Sign out after this many idle minutes (1–240).")
        var idleMinutes: Int?
        @Option(
            name: .customLong("operator-code"),
            help:
                "Mã 4–6 chữ số nhân viên gõ để thoát chương trình (\"\" để bỏ). A 4–6 digit code staff type to leave the client (\"\" removes it)."
        )
        var operatorCode: String?

        func validate() throws {
            if let state, !["on", "off", "bat", "tat"].contains(state.lowercased()) {
                throw ValidationError(KioskCommandText.onOrOff)
            }
        }

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let store = try common.open()
                let kiosk = state.map { ["on", "bat"].contains($0.lowercased()) }
                let settings =
                    kiosk == nil && idleMinutes == nil && operatorCode == nil
                    ? try store.clientSettings()
                    : try store.setClientSettings(kiosk: kiosk, idleMinutes: idleMinutes, operatorCode: operatorCode)
                Console.say(KioskCommandText.settings(settings), lang)
            }
        }
    }
}

/// What the kiosk and PIN commands print, in both languages.
enum KioskCommandText {
    static let pinOrRemove = "--pin hoặc --remove, không dùng cả hai. --pin or --remove, not both."
    static let onOrOff = "trạng thái phải là on hoặc off. the state must be on or off."

    static func reset(_ learner: Learner, failures: Int, pin: Bool, removed: Bool) -> Phrase {
        let who = ControlCharacters.replaced(in: "\(learner.code) — \(learner.displayName)")
        let what =
            pin
            ? Phrase(vi: " Đã đặt mã PIN mới.", en: " A new PIN is set.")
            : removed ? Phrase(vi: " Đã bỏ mã PIN.", en: " The PIN is removed.") : Phrase(vi: "", en: "")
        return Phrase(
            vi: "Đã mở khoá mã PIN của \(who) (\(failures) lần nhập sai được xoá).",
            en: "Unlocked the PIN of \(who) (\(failures) wrong tries cleared).") + what
    }

    static func settings(_ s: ClientSettings) -> Phrase {
        let code = s.hasOperatorCode
        return Phrase(
            vi:
                "Máy dùng chung: \(s.kiosk ? "bật" : "tắt"); tự đăng xuất sau \(s.idleMinutes) phút không dùng; thoát bằng Ctrl-Q\(code ? " và mã nhân viên" : "").",
            en:
                "Kiosk: \(s.kiosk ? "on" : "off"); idle sign-out after \(s.idleMinutes) minutes; leave with Ctrl-Q\(code ? " and the operator code" : "")."
        )
    }
}
