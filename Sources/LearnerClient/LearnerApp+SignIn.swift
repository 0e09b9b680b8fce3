import Foundation
import Localization
import ProgressStore
import TerminalText

/// The sign-in screen: a learner code, then a PIN when the learner has one.
struct SignInState: Equatable {
    /// The code as typed (names too, so the hint can quote them).
    var code = ""
    var pin = ""
    /// The learner whose PIN is being asked for.
    var pending: LearnerAccount?
    /// What to tell the learner under the fields.
    var notice: SignInNotice?

    /// The most characters the code field keeps (a name typed there is shown, then explained).
    static let codeFieldLimit = 40
    /// The most digits the PIN field keeps.
    static let pinFieldLimit = 12

    /// When the PIN may be tried again, if a wait runs.
    var lockedUntil: Int64? {
        switch notice {
        case .locked(_, let until): until
        default: nil
        }
    }
}

/// Why the sign-in screen speaks: said again at every draw, so a wait counts down.
enum SignInNotice: Equatable {
    case unknown(String)
    case looksLikeAName(String)
    case codeShape
    case wrongPIN(left: Int)
    case locked(failures: Int, until: Int64)
    case signedOut(Phrase)
    case failed(String)
}

/// Leaving a kiosk: the operator's code, then the program closes.
struct OperatorState: Equatable {
    var code = ""
    var wrong = false
    var returnTo: LearnerApp.Screen
}

extension LearnerApp {
    func handleSignIn(_ key: Key, _ state: SignInState) {
        var state = state
        switch key {
        case .escape:
            if state.pending != nil {
                // A mistyped code is corrected, never a dead end.
                state.pending = nil
                state.pin = ""
                state.notice = nil
            } else if !state.code.isEmpty {
                state.code = ""
                state.notice = nil
            } else {
                return leaveProgram()
            }
        case .enter:
            return state.pending != nil ? submitPIN(state) : submitCode(state.code)
        case .backspace, .left, .delete:
            if state.pending != nil { _ = state.pin.popLast() } else { _ = state.code.popLast() }
        case .character(let c):
            type(String(c), into: &state)
        case .paste(let text):
            type(text, into: &state)
        default:
            return
        }
        screen = .signIn(state)
    }

    private func type(_ text: String, into state: inout SignInState) {
        for c in text where !(c.unicodeScalars.first.map(ControlCharacters.isControl) ?? true) {
            if state.pending != nil {
                // PINs are digits; anything else is not taken.
                if c.isASCII, c.isNumber, state.pin.count < SignInState.pinFieldLimit { state.pin.append(c) }
            } else if state.code.count < SignInState.codeFieldLimit {
                state.code.append(c)
            }
        }
        if case .signedOut = state.notice { state.notice = nil }
        state.code = state.code.precomposedNFC
    }

    /// Whether `text` has the shape of a learner code: 3–8 ASCII letters and digits.
    static func isCodeShaped(_ text: String) -> Bool {
        (3...8).contains(text.count)
            && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    /// Looks the code up; asks for a PIN or goes on. A name typed as a code is explained.
    func submitCode(_ raw: String) {
        let typed = raw.trimmingCharacters(in: .whitespaces)
        var state = SignInState(code: typed)
        defer { if case .signIn = screen { screen = .signIn(state) } }
        guard !typed.isEmpty else { return }
        guard Self.isCodeShaped(typed) else {
            let wordy = typed.contains(" ") || typed.contains { !$0.isASCII && $0.isLetter } || typed.count > 8
            state.notice = wordy ? .looksLikeAName(safe(typed)) : .codeShape
            return
        }
        let code = typed.uppercased()
        state.code = code
        do {
            guard let account = try backend.learner(code: code) else {
                state.notice = .unknown(code)
                return
            }
            if account.hasPIN {
                state.pending = account
            } else {
                signedIn(account)
            }
        } catch {
            state.notice = .failed(failure(error))
        }
    }

    private func submitPIN(_ state: SignInState) {
        guard let account = state.pending else { return }
        var state = state
        defer { if case .signIn = screen { screen = .signIn(state) } }
        if let until = state.lockedUntil, until > environment.now() {
            state.pin = ""
            return
        }
        guard !state.pin.isEmpty else { return }
        do {
            switch try backend.attemptPIN(state.pin, code: account.code) {
            case .accepted:
                return signedIn(account)
            case .wrong(let failures, let lockedUntil):
                state.notice =
                    lockedUntil.map { .locked(failures: failures, until: $0) }
                    ?? .wrongPIN(left: PINLockPolicy.freeAttempts - failures)
            case .locked(let until):
                state.notice = .locked(failures: PINLockPolicy.freeAttempts, until: until)
            case .unknownLearner:
                state = SignInState(code: account.code, notice: .unknown(account.code))
            }
        } catch {
            state.notice = .failed(failure(error))
        }
        state.pin = ""
    }

    func signInContent(_ state: SignInState, width: Int) -> ScreenContent {
        var body: [String] = [""]
        body += Layout.indented(say(ClientText.welcome), width: width)
        body += Layout.indented(say(ClientText.demoHint), width: width)
        body.append("")
        let caret = usesKeys ? "▏" : ""
        if let pending = state.pending {
            body += Layout.indented("\(say(ClientText.codePrompt)) \(safe(pending.code))", width: width)
            body += Layout.indented(
                "\(say(ClientText.pinPrompt)) \(String(repeating: "•", count: state.pin.count))\(caret)", width: width)
            body += Layout.indented(say(ClientText.fixCodeHint), width: width)
        } else {
            // A code shows in capitals as on the card; anything else (a name) as typed.
            let plain = state.code.unicodeScalars.allSatisfy {
                $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0)
            }
            let shown = plain ? state.code.uppercased() : state.code
            body += Layout.indented("\(say(ClientText.codePrompt)) \(safe(shown))\(caret)", width: width)
        }
        var focus: ClosedRange<Int>?
        if let notice = state.notice {
            body.append("")
            let start = body.count
            body += Layout.indented(noticeText(notice), width: width).map {
                styler.apply(TextStyle(bold: true), to: $0)
            }
            // On a small screen the message stays in view, under its field.
            focus = max(0, start - 3)...(body.count - 1)
        }
        var keys = [KeyHint(key: KeyMap.confirm, action: ClientText.keyOK, priority: 0)]
        if state.pending != nil {
            keys.append(KeyHint(key: KeyMap.back, action: ClientText.keyFixCode, priority: 1))
        } else if !session.kiosk {
            keys.append(KeyHint(key: KeyMap.back, action: ClientText.keyQuit, priority: 1))
        }
        return ScreenContent(
            title: say(ClientText.appTitle), indicator: say(ClientText.signInTitle), body: body, focus: focus,
            keys: keys, prompt: say(state.pending != nil ? ClientText.pinPrompt : ClientText.codePrompt) + " ")
    }

    private func noticeText(_ notice: SignInNotice) -> String {
        switch notice {
        case .unknown(let code): say(ClientText.unknownLearner(safe(code)))
        case .looksLikeAName(let text): say(ClientText.looksLikeAName(text))
        case .codeShape: say(ClientText.codeShape)
        case .wrongPIN(let left): say(ClientText.wrongPIN(left: left))
        case .locked(let failures, let until):
            say(
                ClientText.pinLocked(
                    failures: failures, seconds: max(1, Int((until - environment.now() + 999) / 1000))))
        case .signedOut(let phrase): say(phrase)
        case .failed(let text): "\(say(ClientText.errorPrefix)) \(text)"
        }
    }

    // MARK: - Signing out and leaving a kiosk

    /// Back to the sign-in screen, saying why; everything answered is already recorded.
    func signOut(because reason: Phrase) {
        environment.speaker.stop()
        if let learner { try? backend.noteSession(learner: learner.code, started: false, at: environment.now()) }
        learner = nil
        course = nil
        chosenInputMethod = nil
        recommendedCourse = nil
        screen = .signIn(SignInState(notice: .signedOut(reason)))
    }

    func handleOperatorExit(_ key: Key, _ state: OperatorState) {
        var state = state
        switch key {
        case .escape:
            screen = state.returnTo
            return
        case .enter:
            if (try? backend.verifyOperatorCode(state.code)) == true { return quit() }
            state.code = ""
            state.wrong = true
        case .backspace: _ = state.code.popLast()
        case .character(let c) where c.isASCII && c.isNumber:
            if state.code.count < SignInState.pinFieldLimit { state.code.append(c) }
        default: break
        }
        screen = .operatorExit(state)
    }

    func operatorContent(_ state: OperatorState, width: Int) -> ScreenContent {
        var body = [""] + Layout.indented(say(ClientText.operatorExplain), width: width) + [""]
        body += Layout.indented(
            "\(say(ClientText.operatorPrompt)) \(String(repeating: "•", count: state.code.count))▏", width: width)
        if state.wrong { body += [""] + Layout.indented(say(ClientText.operatorWrong), width: width) }
        return ScreenContent(
            title: say(ClientText.appTitle), indicator: say(ClientText.operatorTitle), body: body,
            keys: [
                KeyHint(key: KeyMap.confirm, action: ClientText.keyOK, priority: 0),
                KeyHint(key: KeyMap.back, action: ClientText.keyBack, priority: 1),
            ], prompt: say(ClientText.operatorPrompt) + " ")
    }
}
