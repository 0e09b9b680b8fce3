import BlockingCalls
import Foundation
import HTMLText
import Hummingbird
import Reports

extension DashboardApp {
    /// Why the sign-in form is shown again.
    enum Refusal {
        /// A wrong username or password; `slowed` when the answer was held back.
        case wrongPassword(slowed: Duration)
        /// Too many failures: this try was not checked; try again after `wait`.
        case tooManyFailures(wait: Duration)
    }

    /// The sign-in form (also shown again after a wrong password, with 401, or when turned away, with 429).
    func loginForm(_ request: Request, refusal: Refusal? = nil, next: String? = nil) -> Response {
        let text = DashboardText(language: language(request))
        let target = Accounts.safePath(next ?? request.uri.queryParameters["next"].map(String.init) ?? "/dashboard")
        var body =
            "<form class=\"login\" method=\"post\" action=\"/dashboard/login\">\n<h1>\(HTML.escape(text.signIn))</h1>\n"
        var status = HTTPResponse.Status.ok
        var headers = HTTPFields()
        switch refusal {
        case .wrongPassword(let slowed):
            status = .unauthorized
            body += "<p class=\"error\" role=\"alert\">\(HTML.escape(text.wrongPassword))</p>\n"
            if slowed > .zero {
                body += "<p class=\"error\">\(HTML.escape(text.slowedSignIn(seconds: Self.seconds(slowed))))</p>\n"
            }
        case .tooManyFailures(let wait):
            status = .tooManyRequests
            headers[.retryAfter] = String(Self.seconds(wait))
            body +=
                "<p class=\"error\" role=\"alert\">\(HTML.escape(text.tooManyFailures(seconds: Self.seconds(wait))))</p>\n"
        case nil: break
        }
        body += """
            <label>\(HTML.escape(text.username))<input name="username" autocomplete="username" autocapitalize="none" required></label>
            <label>\(HTML.escape(text.password))<input name="password" type="password" autocomplete="current-password" required></label>
            <input type="hidden" name="next" value="\(HTML.escape(target))">
            <button type="submit">\(HTML.escape(text.signIn))</button>
            </form>

            """
        let page = Page(title: text.signIn, body: body)
        var response = Self.html(
            page.render(text, user: nil, languageToggle: toggle(request, text.language)), status: status)
        for field in headers { response.headers.append(field) }
        return response
    }

    /// Whole seconds, rounded up, for people.
    static func seconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }

    /// Checks the form; on success sets the session cookie and goes to `next`.
    func login<Context: RequestContext>(_ request: Request, _ context: Context) async -> Response {
        do {
            var request = request
            let body = try await request.collectBody(upTo: 16_384)
            let form = Self.formFields(String(buffer: body))
            let next = Accounts.safePath(form["next"] ?? "/dashboard")
            let account = form["username"] ?? ""
            let address = context.clientAddress
            let wait = await throttle.wait(account: account, address: address)
            guard wait == .zero else {
                // Turned away unchecked, so parallel guesses gain nothing while the delay runs.
                context.logger.warning(
                    "dashboard: sign-in turned away after repeated failures",
                    metadata: ["account": "\(account)", "address": "\(address)", "wait_s": "\(Self.seconds(wait))"])
                return loginForm(request, refusal: .tooManyFailures(wait: wait), next: next)
            }
            let password = form["password"] ?? ""
            guard let user = try await BlockingCalls.run({ try accounts.signIn(username: account, password: password) })
            else {
                let delay = await throttle.failed(account: account, address: address)
                if delay > .zero {
                    context.logger.warning(
                        "dashboard: failed sign-in slowed",
                        metadata: [
                            "account": "\(account)", "address": "\(address)", "delay_s": "\(Self.seconds(delay))",
                        ])
                    try await Task.sleep(for: delay)
                }
                return loginForm(request, refusal: .wrongPassword(slowed: delay), next: next)
            }
            await throttle.succeeded(account: account, address: address)
            var response = Self.redirect(next)
            response.setCookie(sessionCookie(Session.make(for: user, key: try signingKey(), now: Accounts.now())))
            return response
        } catch {
            return failure(error, request, context)
        }
    }

    /// A one-time link: valid once, before it expires; then like a sign-in.
    /// Guessing links counts against the address like guessing passwords.
    func useLink<Context: RequestContext>(_ request: Request, _ context: Context, token: String) async -> Response {
        do {
            let address = context.clientAddress
            let wait = await throttle.wait(account: Self.linkAccount, address: address)
            guard wait == .zero else {
                context.logger.warning(
                    "dashboard: sign-in link turned away after repeated failures",
                    metadata: ["address": "\(address)", "wait_s": "\(Self.seconds(wait))"])
                var response = Self.jsonError(
                    .tooManyRequests, DashboardText.tooManyLinkFailures(seconds: Self.seconds(wait)), language(request))
                response.headers[.retryAfter] = String(Self.seconds(wait))
                return response
            }
            guard let (user, next) = try await BlockingCalls.run({ try accounts.useLoginLink(token) }) else {
                let delay = await throttle.failed(account: Self.linkAccount, address: address)
                if delay > .zero {
                    context.logger.warning(
                        "dashboard: unusable sign-in link slowed",
                        metadata: ["address": "\(address)", "delay_s": "\(Self.seconds(delay))"])
                    try await Task.sleep(for: delay)
                }
                return Self.jsonError(.notFound, DashboardText.linkUnusable, language(request))
            }
            var response = Self.redirect(next)
            response.setCookie(sessionCookie(Session.make(for: user, key: try signingKey(), now: Accounts.now())))
            return response
        } catch {
            return failure(error, request, context)
        }
    }

    /// The throttle's account name for sign-in links (no real username contains a space).
    static let linkAccount = "sign-in link"

    /// Forgets the session cookie.
    func logout(_ request: Request) -> Response {
        var response = Self.redirect("/dashboard/login")
        response.setCookie(
            Cookie(
                name: Session.cookieName, value: "", maxAge: 0, path: "/dashboard", httpOnly: true, sameSite: .strict))
        return response
    }

    /// HttpOnly, SameSite=Strict, scoped to the dashboard, eight hours.
    func sessionCookie(_ value: String) -> Cookie {
        Cookie(
            name: Session.cookieName, value: value, maxAge: Session.lifetimeSeconds, path: "/dashboard", httpOnly: true,
            sameSite: .strict)
    }

    /// `application/x-www-form-urlencoded` fields (`+` is a space), NFC.
    static func formFields(_ body: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ")
            }
            guard let name = parts.first?.removingPercentEncoding else { continue }
            out[name] =
                (parts.count > 1 ? parts[1].removingPercentEncoding ?? "" : "").precomposedStringWithCanonicalMapping
        }
        return out
    }
}
