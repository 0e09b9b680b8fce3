import BlockingCalls
import Crypto
import Foundation
import HubStore
import Hummingbird
import Localization
import Logging
import Reports

/// Who is looking, and in which language.
struct Viewer: Sendable {
    var user: HubUser
    /// The area the viewer may see (with everything below it).
    var scope: String
    var language: Language
    var request: Request
    var text: DashboardText { DashboardText(language: language) }
}

/// The dashboard's state and request plumbing: sessions, languages, errors.
struct DashboardApp: Sendable {
    let reports: ReportCache
    let accounts: Accounts
    let key: SymmetricKey?
    let throttle: SignInThrottle

    /// The session-signing key.
    func signingKey() throws -> SymmetricKey {
        if let key { return key }
        return try accounts.sessionKey()
    }

    static let languageCookie = "hocso_lang"

    /// The signed-in viewer, or nil.
    func viewer(_ request: Request) throws -> Viewer? {
        guard let value = request.cookies[Session.cookieName]?.value else { return nil }
        var found: HubUser?
        let name = Session.username(in: value, key: try signingKey(), now: Accounts.now()) { name in
            found = try? accounts.user(name)
            return found?.passwordHash
        }
        guard name != nil, let user = found else { return nil }
        // An account without an area sees nothing: there is no implicit "everything".
        guard let scope = user.areaCode else { throw ReportError(.forbidden, DashboardText.noArea) }
        return Viewer(user: user, scope: scope, language: language(request), request: request)
    }

    /// `?lang=` first, then the language cookie, then Vietnamese.
    func language(_ request: Request) -> Language {
        if let q = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) { return q }
        if let c = request.cookies[Self.languageCookie].flatMap({ Language(rawValue: $0.value) }) { return c }
        return .vi
    }

    /// An HTML page for a signed-in viewer; others go to the sign-in form.
    func page<Context: RequestContext>(
        _ request: Request, _ context: Context, _ build: @escaping @Sendable (Viewer) throws -> Page
    ) async -> Response {
        do {
            guard let viewer = try await BlockingCalls.run({ try viewer(request) }) else {
                let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return Self.redirect("/dashboard/login?next=" + Self.percentEncode(next))
            }
            let page = try await BlockingCalls.run { try build(viewer) }
            var response = Self.html(
                page.render(
                    viewer.text, user: viewer.user.username, languageToggle: toggle(request, viewer.language),
                    footnote: reports.maxAge > .zero ? viewer.text.figuresKept(reports.maxAge) : nil))
            rememberLanguage(request, &response)
            return response
        } catch {
            return failure(error, request, context)
        }
    }

    /// A JSON or CSV answer for a signed-in viewer; others get 401.
    func data<Context: RequestContext>(
        _ request: Request, _ context: Context, _ build: @escaping @Sendable (Viewer) throws -> Response
    ) async -> Response {
        do {
            guard let viewer = try await BlockingCalls.run({ try viewer(request) }) else {
                return Self.jsonError(.unauthorized, DashboardText.signInFirst, language(request))
            }
            return try await BlockingCalls.run { try build(viewer) }
        } catch {
            return failure(error, request, context)
        }
    }

    /// The same URL in the other language.
    func toggle(_ request: Request, _ current: Language) -> String {
        var items = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }.map(String.init)
        items.append("lang=" + (current == .vi ? "en" : "vi"))
        return request.uri.path + "?" + items.joined(separator: "&")
    }

    func rememberLanguage(_ request: Request, _ response: inout Response) {
        if let q = request.uri.queryParameters["lang"], let lang = Language(rawValue: String(q)) {
            response.setCookie(
                Cookie(
                    name: Self.languageCookie, value: lang.rawValue, maxAge: 365 * 86_400, path: "/dashboard",
                    httpOnly: true, sameSite: .strict))
        }
    }

    /// Errors as JSON with a status, in the viewer's language; anything unexpected is logged
    /// (kind only) and answered as a bare 500.
    func failure<Context: RequestContext>(_ error: any Error, _ request: Request, _ context: Context) -> Response {
        let language = language(request)
        switch error {
        case let e as ReportError:
            switch e.kind {
            case .forbidden: return Self.jsonError(.forbidden, e.phrase, language)
            case .notFound: return Self.jsonError(.notFound, e.phrase, language)
            case .invalid, .badInput: return Self.jsonError(.badRequest, e.phrase, language)
            case .storage: break
            }
        case let e as DashboardError where e.kind == .invalid:
            return Self.jsonError(.badRequest, e.phrase, language)
        case let e as HTTPError:
            return Self.jsonError(e.status, .verbatim(e.body ?? ""), language)
        default: break
        }
        context.logger.error("dashboard: unexpected failure", metadata: ["type": "\(type(of: error))"])
        return Self.jsonError(.internalServerError, DashboardText.internalError, language)
    }

    static func jsonError(_ status: HTTPResponse.Status, _ phrase: Phrase, _ language: Language) -> Response {
        let body = "{\"error\":{\"status\":\(status.code),\"message\":\(jsonString(phrase(language)))}}\n"
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func jsonString(_ s: String) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes]))
            ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy:
                    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    static func percentEncode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/dashboard"
    }
}
