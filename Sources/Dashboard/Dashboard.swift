import HubStore
// The coordinators' web dashboard, mounted by the hub server with one call:
//
//     Dashboard.addRoutes(to: router, reports: HubReports(store))   // router: Router<AddressedRequestContext>
//
// It adds every route under `/dashboard` (pages, `/dashboard/api/…` JSON, `/dashboard/csv/…`
// downloads, sign-in and sign-out, one-time links `/dashboard/link/<token>`). Each page and
// endpoint requires a signed session and answers only for the viewer's area and those below it.
import Hummingbird
import Logging
import Reports

/// The coordinators' dashboard: overview, drill-down by area, course pages, question analysis,
/// every report as HTML, JSON and CSV, in Vietnamese or English.
public enum Dashboard {
    /// Adds the dashboard's routes (all under `/dashboard`) to `router`, over any hub backend.
    /// Give the router an `AddressedRequestContext` so failed sign-ins are throttled per client address.
    /// Reports are kept for `maxAge` (see `ReportCache`); zero builds them for every request.
    public static func addRoutes<Context: RequestContext>(
        to router: Router<Context>, reports: HubReports, maxAge: Duration = .seconds(30),
        throttle: SignInThrottle = SignInThrottle()
    ) {
        let accounts = Accounts(store: reports.store)
        // Made once here when possible; otherwise each request reads it (see `signingKey`).
        let app = DashboardApp(
            reports: ReportCache(reports, maxAge: maxAge), accounts: accounts, key: try? accounts.sessionKey(),
            throttle: throttle)
        app.register(router)
    }
}
extension DashboardApp {
    /// The route table.
    func register<Context: RequestContext>(_ router: Router<Context>) {
        router.get("/dashboard") { request, context in
            await self.page(request, context) { viewer in try self.areaPage(viewer, code: viewer.scope) }
        }
        router.get("/dashboard/area/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            return await self.page(request, context) { viewer in try self.areaPage(viewer, code: code) }
        }
        router.get("/dashboard/course/:course") { request, context in
            let course = context.parameters.get("course") ?? ""
            return await self.page(request, context) { viewer in try self.coursePage(viewer, course: course) }
        }
        router.get("/dashboard/items/:course") { request, context in
            let course = context.parameters.get("course") ?? ""
            return await self.page(request, context) { viewer in try self.itemsPage(viewer, course: course) }
        }
        router.get("/dashboard/reports") { request, context in
            await self.page(request, context) { viewer in try self.reportsIndex(viewer) }
        }
        router.get("/dashboard/report/:kind") { request, context in
            let kind = context.parameters.get("kind") ?? ""
            return await self.page(request, context) { viewer in try self.reportPage(viewer, kind: kind) }
        }
        router.get("/dashboard/api/:kind") { request, context in
            let kind = context.parameters.get("kind") ?? ""
            return await self.data(request, context) { viewer in try self.download(viewer, kind: kind, csv: false) }
        }
        router.get("/dashboard/csv/:kind") { request, context in
            let kind = context.parameters.get("kind") ?? ""
            return await self.data(request, context) { viewer in try self.download(viewer, kind: kind, csv: true) }
        }
        router.get("/dashboard/login") { request, _ in self.loginForm(request) }
        router.post("/dashboard/login") { request, context in await self.login(request, context) }
        router.post("/dashboard/logout") { request, _ in self.logout(request) }
        router.get("/dashboard/link/:token") { request, context in
            await self.useLink(request, context, token: context.parameters.get("token") ?? "")
        }
    }
}
