import Dashboard
import Foundation
import HubStore
import Hummingbird
import LiveServer
import Reports

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The address of the dashboard on a real Hummingbird server on 127.0.0.1, for tests.
struct DashboardServer: Sendable {
    let port: Int

    var base: String { "http://127.0.0.1:\(port)" }
}

/// Serves the dashboard of `store` on a free port for the length of `body`, then stops it gracefully.
func withDashboardServer<T: Sendable>(
    store: any HubStore & ReportSource, _ body: (DashboardServer) async throws -> T
) async throws -> T {
    try await withLiveServer { onRunning in
        let router = Router(context: AddressedRequestContext.self)
        Dashboard.addRoutes(to: router, reports: HubReports(store))
        return Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })
    } _: { port in
        try await body(DashboardServer(port: port))
    }
}

/// A minimal HTTP client: no redirects followed, no cookie jar (the test sends cookies itself).
final class TestHTTP: NSObject, URLSessionTaskDelegate, Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: String
        /// The `name=value` part of a Set-Cookie header for `name`.
        func cookie(_ name: String) -> String? {
            guard let header = headers.first(where: { $0.key.lowercased() == "set-cookie" })?.value else { return nil }
            return header.components(separatedBy: ";").first.flatMap { $0.hasPrefix(name + "=") ? $0 : nil }
        }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func send(_ url: String, method: String = "GET", cookie: String? = nil, form: [String: String]? = nil) async throws
        -> Reply
    {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        if let form {
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            request.httpBody = Data(
                form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
                    .joined(separator: "&").utf8)
        }
        let config = URLSessionConfiguration.ephemeral
        config.httpShouldSetCookies = false
        let session = URLSession(configuration: config, delegate: self, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (k, v) in http?.allHeaderFields ?? [:] { headers["\(k)"] = "\(v)" }
        return Reply(status: http?.statusCode ?? 0, headers: headers, body: String(decoding: data, as: UTF8.self))
    }
}
