import Foundation

/// The sign-in screen: a learner code, then a PIN when the learner has one.
struct SignInState: Equatable {
    var code = ""
    var pin = ""
    /// The learner whose PIN is being asked for.
    var pending: LearnerAccount?
    var error: String?
}

extension LearnerApp {
    func handleSignIn(_ input: ClientInput, _ state: SignInState) {
        var state = state
        switch input {
        case .line(let line):
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.lowercased() == "q" && state.pending == nil { return quit() }
            if state.pending != nil {
                state.pin = text
                screen = .signIn(state)
                submitPIN(state)
            } else {
                submitCode(text)
            }
        case .key(let key):
            switch key {
            case .escape: return quit()
            case .enter:
                if state.pending != nil { submitPIN(state) } else { submitCode(state.code) }
                return
            case .backspace:
                if state.pending != nil { _ = state.pin.popLast() } else { _ = state.code.popLast() }
            case .character(let c) where c.isLetter || c.isNumber:
                // Codes are ASCII letters and digits; PINs are digits. Nothing else is typed here.
                if state.pending != nil {
                    if c.isASCII, state.pin.count < 12 { state.pin.append(c) }
                } else if c.isASCII, state.code.count < 8 {
                    state.code.append(Character(c.uppercased()))
                }
            default:
                break
            }
            state.error = nil
            screen = .signIn(state)
        }
    }

    /// Looks the code up; asks for a PIN or goes on.
    func submitCode(_ raw: String) {
        let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
        var state = SignInState(code: code)
        guard !code.isEmpty else {
            screen = .signIn(state)
            return
        }
        do {
            guard let account = try backend.learner(code: code) else {
                state.error = strings.unknownLearner(code)
                state.code = ""
                screen = .signIn(state)
                return
            }
            if account.hasPIN {
                state.pending = account
                screen = .signIn(state)
            } else {
                signedIn(account)
            }
        } catch {
            state.error = "\(strings.errorPrefix) \(error)"
            screen = .signIn(state)
        }
    }

    private func submitPIN(_ state: SignInState) {
        guard let account = state.pending else { return }
        var state = state
        do {
            if try backend.verifyPIN(state.pin, code: account.code) {
                signedIn(account)
                return
            }
            state.error = strings.wrongPIN
        } catch {
            state.error = "\(strings.errorPrefix) \(error)"
        }
        state.pin = ""
        screen = .signIn(state)
    }

    /// Signed in: straight back to where the learner stopped, else the course list.
    func signedIn(_ account: LearnerAccount) {
        learner = account
        showCourses(selecting: nil)
        message = strings.greeting(account.displayName)
        if let point = try? backend.resumePoint(learner: account.code), resume(point) {
            message = strings.resumed
        }
    }

    func signInContent(_ state: SignInState, width: Int) -> ScreenContent {
        var body: [String] = [""]
        body += Layout.wrap(strings.demoHint, width: width - 2).map { "  " + $0 }
        body.append("")
        // In line mode the prompt itself asks; the body shows only what is already known.
        if state.pending != nil {
            body.append("  \(strings.codePrompt) \(state.code)")
            if usesKeys { body.append("  \(strings.pinPrompt) \(String(repeating: "•", count: state.pin.count))▏") }
        } else if usesKeys {
            body.append("  \(strings.codePrompt) \(state.code)▏")
        }
        if let error = state.error {
            body.append("")
            body += Layout.wrap(error, width: width - 2).map { "  " + $0 }
        }
        return ScreenContent(
            title: strings.appTitle, indicator: strings.signInTitle, body: body,
            footer: strings.signInKeys(usesKeys),
            prompt: state.pending != nil ? strings.pinPrompt + " " : strings.codePrompt + " ")
    }
}
