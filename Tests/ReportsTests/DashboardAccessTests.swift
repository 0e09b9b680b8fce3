import Foundation
import HubBackends
import HubStore
import LearnerEvents
import Testing

@testable import Dashboard
@testable import Reports

/// A district coordinator reads nothing of another district, through any page or endpoint.
@Suite(.serialized) struct DashboardAccessTests {
    /// Things only the other areas have: names of areas, centres and learners, node ids.
    static let foreignMarkers = [
        "Huyện Hai", "Xã Hai Một", "Bưu điện B", "Hoàng Thị Em", "Phạm Văn Dũng", "Phường Trực Thuộc", "Điểm trường C",
        "Đỗ Thị Giang", HubFixture.nodeB, HubFixture.nodeC,
    ]
    /// Codes of areas and centres outside district D1.
    static let foreignCodes = ["D2", "C21", HubFixture.nodeB, "C0", HubFixture.nodeC, "P", "NO-SUCH-AREA"]

    static func routes(area code: String?) -> [String] {
        let q = code.map { "area=\($0)" } ?? ""
        var routes = [
            "/dashboard/course/k?\(q)", "/dashboard/items/k?\(q)", "/dashboard/reports?\(q)",
        ]
        if let code { routes.append("/dashboard/area/\(code)") } else { routes.append("/dashboard") }
        for kind in ReportKind.allCases {
            routes += [
                "/dashboard/report/\(kind.rawValue)?\(q)", "/dashboard/api/\(kind.rawValue)?\(q)",
                "/dashboard/csv/\(kind.rawValue)?\(q)",
            ]
            routes.append("/dashboard/api/\(kind.rawValue)?course=k&by=center&\(q)")
        }
        for kind in [ReportKind.completion, .inclusion] {
            routes += [
                "/dashboard/report/\(kind.rawValue)?view=domain&\(q)",
                "/dashboard/api/\(kind.rawValue)?view=domain&\(q)",
            ]
        }
        return routes
    }

    func withServer(
        _ backend: Backend, _ body: (HubFixture, DashboardServer, TestHTTP) async throws -> Void
    ) async throws {
        guard let fixture = try HubFixture(backend) else { return }
        defer { fixture.remove() }
        let accounts = Accounts(store: fixture.store)
        try accounts.add(username: "huyen1", password: "mật khẩu một", area: "D1", rounds: 1000)
        try accounts.add(username: "tinh", password: "mật khẩu tỉnh", area: "P", rounds: 1000)
        try await withDashboardServer(store: fixture.store) { server in
            try await body(fixture, server, TestHTTP())
        }
    }

    func signIn(_ http: TestHTTP, _ server: DashboardServer, _ user: String, _ password: String) async throws -> String
    {
        let reply = try await http.send(
            server.base + "/dashboard/login", method: "POST",
            form: ["username": user, "password": password, "next": "/dashboard"])
        #expect(reply.status == 303)
        let setCookie = reply.header("Set-Cookie") ?? ""
        #expect(setCookie.contains("HttpOnly"))
        #expect(setCookie.lowercased().contains("samesite=strict"))
        return try #require(reply.cookie("hocso_session"))
    }

    @Test(arguments: Backend.all)
    func theAreaPageCountsTheCertificatesOfItsOwnAreaOnly(_ backend: Backend) async throws {
        try await withServer(backend) { _, server, http in
            // (viewer, issued, revoked, valid): the province holds all three, one revoked; D1 holds A1's.
            for (user, password, area, counts) in [
                ("tinh", "mật khẩu tỉnh", "P", ["3", "1", "2"]), ("huyen1", "mật khẩu một", "D1", ["1", "0", "1"]),
            ] {
                let cookie = try await signIn(http, server, user, password)
                let page = try await http.send(server.base + "/dashboard/area/\(area)?lang=en", cookie: cookie)
                #expect(page.status == 200)
                #expect(page.body.contains("<h2>Certificates by course</h2>"), "\(user)")
                for (column, value) in zip(["issued", "revoked", "valid"], counts) {
                    #expect(
                        page.body.contains("<td data-col=\"\(column)\" class=\"num\">\(value)</td>"),
                        "\(user): \(column) ≠ \(value)")
                }
                #expect(page.body.contains("href=\"/dashboard/report/certificates?area=\(area)\""))
            }
        }
    }

    @Test(arguments: Backend.all)
    func districtCoordinatorCannotReadAnotherDistrict(_ backend: Backend) async throws {
        try await withServer(backend) { _, server, http in
            let cookie = try await signIn(http, server, "huyen1", "mật khẩu một")
            for code in Self.foreignCodes {
                for route in Self.routes(area: code) {
                    let reply = try await http.send(server.base + route, cookie: cookie)
                    #expect([403, 404].contains(reply.status), "\(route) answered \(reply.status)")
                    for marker in Self.foreignMarkers {
                        #expect(!reply.body.contains(marker), "\(route) shows \(marker)")
                    }
                }
            }
            // Its own pages (no area given) show only D1.
            for route in Self.routes(area: nil) + Self.routes(area: "D1") + Self.routes(area: "C11")
                + Self.routes(area: HubFixture.nodeA)
            {
                let reply = try await http.send(server.base + route, cookie: cookie)
                #expect(reply.status == 200, "\(route) answered \(reply.status)")
                for marker in Self.foreignMarkers { #expect(!reply.body.contains(marker), "\(route) shows \(marker)") }
            }
            // The numbers are D1's alone: 3 enrolled; q1 answered 4 times (A1 once, A3 three times).
            let completion = try await http.send(server.base + "/dashboard/api/completion", cookie: cookie)
            #expect(completion.body.contains("\"enrolled\" : 3"))
            #expect(!completion.body.contains("\"enrolled\" : 6"))
            let items = try await http.send(server.base + "/dashboard/api/items?course=k", cookie: cookie)
            let json = try JSONSerialization.jsonObject(with: Data(items.body.utf8)) as? [String: Any]
            let rows = json?["rows"] as? [[String: Any]] ?? []
            #expect(rows.first { $0["question"] as? String == "q1" }?["attempts"] as? Int == 4)
        }
    }

    @Test(arguments: Backend.all)
    func provinceCoordinatorSeesEverything(_ backend: Backend) async throws {
        try await withServer(backend) { _, server, http in
            let cookie = try await signIn(http, server, "tinh", "mật khẩu tỉnh")
            let completion = try await http.send(server.base + "/dashboard/api/completion?by=district", cookie: cookie)
            #expect(completion.body.contains("\"enrolled\" : 6"))
            let page = try await http.send(server.base + "/dashboard/area/D2?lang=en", cookie: cookie)
            #expect(page.status == 200)
            #expect(page.body.contains("Overview"))
            #expect(page.body.contains("Xã Hai Một"))
            // The page says how far behind the database its figures may be.
            #expect(page.body.contains("Figures are refreshed every 30 seconds"))
        }
    }

    @Test(arguments: Backend.all)
    func signInIsRequiredAndSessionsCannotBeForged(_ backend: Backend) async throws {
        try await withServer(backend) { _, server, http in
            let page = try await http.send(server.base + "/dashboard/area/D1")
            #expect(page.status == 303)
            #expect(page.header("Location")?.hasPrefix("/dashboard/login?next=") == true)
            let api = try await http.send(server.base + "/dashboard/api/completion")
            #expect(api.status == 401)
            #expect(api.header("Content-Type")?.hasPrefix("application/json") == true)
            let wrong = try await http.send(
                server.base + "/dashboard/login", method: "POST", form: ["username": "huyen1", "password": "sai rồi!!"])
            #expect(wrong.status == 401)
            #expect(wrong.cookie("hocso_session") == nil)

            let cookie = try await signIn(http, server, "huyen1", "mật khẩu một")
            // Claiming to be "tinh" with huyen1's signature fails.
            let parts = cookie.dropFirst("hocso_session=".count).split(separator: ".")
            let forged =
                "hocso_session=" + Data("tinh".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "") + "."
                + parts[1] + "." + parts[2]
            #expect(try await http.send(server.base + "/dashboard/api/completion", cookie: forged).status == 401)
            let tampered = String(cookie.dropLast()) + (cookie.hasSuffix("A") ? "B" : "A")
            #expect(try await http.send(server.base + "/dashboard/api/completion", cookie: tampered).status == 401)
            #expect(try await http.send(server.base + "/dashboard/api/completion", cookie: cookie).status == 200)
        }
    }

    @Test(arguments: Backend.all)
    func loginLinksWorkOnceAndExpire(_ backend: Backend) async throws {
        try await withServer(backend) { fixture, server, http in
            let accounts = Accounts(store: fixture.store)
            let token = try accounts.makeLoginLink(username: "huyen1", next: "/dashboard/items/k")
            let first = try await http.send(server.base + "/dashboard/link/\(token)")
            #expect(first.status == 303)
            #expect(first.header("Location") == "/dashboard/items/k")
            let cookie = try #require(first.cookie("hocso_session"))
            #expect(try await http.send(server.base + "/dashboard/items/k", cookie: cookie).status == 200)
            #expect(try await http.send(server.base + "/dashboard/link/\(token)").status == 404)

            let old = try accounts.makeLoginLink(username: "huyen1", minutes: 1, now: Accounts.now() - 120_000)
            #expect(try await http.send(server.base + "/dashboard/link/\(old)").status == 404)
            // A link cannot send anyone off the dashboard.
            let away = try accounts.makeLoginLink(username: "huyen1", next: "https://example.com/")
            #expect(try await http.send(server.base + "/dashboard/link/\(away)").header("Location") == "/dashboard")
        }
    }
}
