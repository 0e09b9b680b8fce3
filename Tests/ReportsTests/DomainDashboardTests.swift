import Foundation
import HubBackends
import HubStore
import Testing

@testable import Dashboard
@testable import Reports

/// The dashboard's domain views: a section on the area page and a tab on the completion and
/// inclusion pages, in both languages, within the viewer's area.
@Suite(.serialized) struct DomainDashboardTests {
    func withServer(_ backend: Backend, _ body: (DashboardServer, TestHTTP, String, String) async throws -> Void)
        async throws
    {
        guard let fixture = try DomainViewTests.hub(backend) else { return }
        defer { fixture.remove() }
        let accounts = Accounts(store: fixture.store)
        try accounts.add(username: "tinh", password: "mật khẩu tỉnh", area: "P", rounds: 1000)
        try accounts.add(username: "huyen1", password: "mật khẩu một", area: "D1", rounds: 1000)
        try await withDashboardServer(store: fixture.store) { server in
            let http = TestHTTP()
            var cookies: [String] = []
            for (user, password) in [("tinh", "mật khẩu tỉnh"), ("huyen1", "mật khẩu một")] {
                let reply = try await http.send(
                    server.base + "/dashboard/login", method: "POST",
                    form: ["username": user, "password": password, "next": "/dashboard"])
                cookies.append(try #require(reply.cookie("hocso_session")))
            }
            try await body(server, http, cookies[0], cookies[1])
        }
    }

    @Test(arguments: Backend.all)
    func theAreaPageShowsEachDomainAndLinksToTheDomainView(_ backend: Backend) async throws {
        try await withServer(backend) { server, http, province, _ in
            let vi = try await http.send(server.base + "/dashboard/area/P?lang=vi", cookie: province)
            #expect(vi.status == 200)
            for text in [
                "<h2>Theo miền năng lực số</h2>", ">An toàn</a>", ">Ứng dụng trí tuệ nhân tạo</a>",
                "href=\"/dashboard/report/completion?area=P&amp;view=domain\"", "Từng miền theo địa bàn",
            ] {
                #expect(vi.body.contains(text), "missing \(text)")
            }
            let en = try await http.send(server.base + "/dashboard/area/P?lang=en", cookie: province)
            for text in [
                "<h2>By competence domain</h2>", ">Applying artificial intelligence</a>", "Each domain by area",
            ] {
                #expect(en.body.contains(text), "missing \(text)")
            }
            // Domain 4's totals over the province: 8 enrolments, 4 completed.
            #expect(en.body.contains("<tr data-key=\"4\">"))
        }
    }

    @Test(arguments: Backend.all)
    func theReportPagesHaveADomainTab(_ backend: Backend) async throws {
        try await withServer(backend) { server, http, province, _ in
            let page = try await http.send(
                server.base + "/dashboard/report/completion?area=P&view=domain&lang=en", cookie: province)
            #expect(page.status == 200)
            #expect(page.body.contains("Course completion by competence domain"))
            #expect(page.body.contains("view=domain\" aria-current=\"page\">By competence domain</a>"))
            #expect(page.body.contains("<input type=\"hidden\" name=\"view\" value=\"domain\">"))
            #expect(page.body.contains("/dashboard/csv/completion?area=P&lang=en&view=domain"))
            let standard = try await http.send(
                server.base + "/dashboard/report/inclusion?area=P&lang=vi", cookie: province)
            #expect(standard.body.contains("aria-current=\"page\">Theo tuổi và giới</a>"))
            #expect(standard.body.contains("&amp;view=domain\">Theo miền năng lực số</a>"))
            let activity = try await http.send(server.base + "/dashboard/report/activity?area=P", cookie: province)
            #expect(!activity.body.contains("class=\"links tabs\""))
            let bad = try await http.send(server.base + "/dashboard/api/completion?view=course", cookie: province)
            #expect(bad.status == 400)
        }
    }

    /// A district coordinator's domain view counts the district's centres alone.
    @Test(arguments: Backend.all)
    func theDomainViewKeepsToTheViewersArea(_ backend: Backend) async throws {
        try await withServer(backend) { server, http, _, district in
            let reply = try await http.send(server.base + "/dashboard/api/completion?view=domain", cookie: district)
            let json = try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any]
            let rows = json?["rows"] as? [[String: Any]] ?? []
            #expect(
                rows.map { "\($0["domain_code"] ?? "")|\($0["area_code"] ?? "")|\($0["enrolled"] ?? "")" } == [
                    "4|C11|4", "4||4", "6|C11|1", "6||1",
                ])
            for marker in DashboardAccessTests.foreignMarkers { #expect(!reply.body.contains(marker)) }
            let outside = try await http.send(
                server.base + "/dashboard/report/inclusion?view=domain&area=D2", cookie: district)
            #expect(outside.status == 403)
        }
    }
}
