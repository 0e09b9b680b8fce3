import Foundation
import Hummingbird
import Reports

extension DashboardApp {
    /// The sign-in form (also shown again, with 401, after a wrong password).
    func loginForm(_ request: Request, failed: Bool, next: String? = nil) -> Response {
        let text = DashboardText(language: language(request))
        let target = Accounts.safePath(next ?? request.uri.queryParameters["next"].map(String.init) ?? "/dashboard")
        var body =
            "<form class=\"login\" method=\"post\" action=\"/dashboard/login\">\n<h1>\(HTML.escape(text.signIn))</h1>\n"
        if failed { body += "<p class=\"error\" role=\"alert\">\(HTML.escape(text.wrongPassword))</p>\n" }
        body += """
            <label>\(HTML.escape(text.username))<input name="username" autocomplete="username" autocapitalize="none" required></label>
            <label>\(HTML.escape(text.password))<input name="password" type="password" autocomplete="current-password" required></label>
            <input type="hidden" name="next" value="\(HTML.escape(target))">
            <button type="submit">\(HTML.escape(text.signIn))</button>
            </form>

            """
        let page = Page(title: text.signIn, body: body)
        return Self.html(
            page.render(text, user: nil, languageToggle: toggle(request, text.language)),
            status: failed ? .unauthorized : .ok)
    }

    /// Checks the form; on success sets the session cookie and goes to `next`.
    func login<Context: RequestContext>(_ request: Request, _ context: Context) async -> Response {
        do {
            var request = request
            let body = try await request.collectBody(upTo: 16_384)
            let form = Self.formFields(String(buffer: body))
            let next = Accounts.safePath(form["next"] ?? "/dashboard")
            guard let user = try accounts.signIn(username: form["username"] ?? "", password: form["password"] ?? "")
            else {
                return loginForm(request, failed: true, next: next)
            }
            var response = Self.redirect(next)
            response.setCookie(sessionCookie(Session.make(for: user, key: try signingKey(), now: Accounts.now())))
            return response
        } catch {
            return failure(error, request, context)
        }
    }

    /// A one-time link: valid once, before it expires; then like a sign-in.
    func useLink<Context: RequestContext>(_ request: Request, _ context: Context, token: String) -> Response {
        do {
            guard let (user, next) = try accounts.useLoginLink(token) else {
                return Self.jsonError(.notFound, DashboardText.linkUnusable, language(request))
            }
            var response = Self.redirect(next)
            response.setCookie(sessionCookie(Session.make(for: user, key: try signingKey(), now: Accounts.now())))
            return response
        } catch {
            return failure(error, request, context)
        }
    }

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
