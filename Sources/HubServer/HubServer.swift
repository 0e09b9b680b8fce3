import BlockingCalls
import Dashboard
import Foundation
import HubStore
import Hummingbird
import Logging
import NIOCore
import Reports
import SyncHub
import SyncWire

/// How a hub server runs.
public struct HubServerConfiguration: Sendable {
    /// Address to bind (127.0.0.1 by default: exposing a hub is a deliberate choice).
    public var host: String
    /// Port; 0 picks a free one.
    public var port: Int
    /// Folder of `.hspack` files offered in the catalogue, nil for none.
    public var packsDirectory: URL?
    /// Largest request body accepted (413 beyond).
    public var maxRequestBytes: Int
    /// Requests per second allowed per node (429 beyond).
    public var requestsPerSecond: Double
    /// Requests a node may send at once before the rate applies.
    public var burst: Int
    /// How long the dashboard keeps a report it built (zero: built for every request).
    public var dashboardMaxAge: Duration
    /// How often `run` folds newly arrived events into the report aggregates (zero: only when a
    /// report is asked for).
    public var foldInterval: Duration

    /// Makes a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8470, packsDirectory: URL? = nil, maxRequestBytes: Int = 8 << 20,
        requestsPerSecond: Double = 50, burst: Int = 100, dashboardMaxAge: Duration = .seconds(30),
        foldInterval: Duration = .seconds(5)
    ) {
        self.host = host
        self.port = port
        self.packsDirectory = packsDirectory
        self.maxRequestBytes = maxRequestBytes
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
        self.dashboardMaxAge = dashboardMaxAge
        self.foldInterval = foldInterval
    }
}

/// The hub's HTTP server (Hummingbird 2): `POST /api/v1/events`, `GET /api/v1/catalogue`,
/// `GET /api/v1/packs/{file}` (with Range), `GET /healthz`, and the dashboard (`/dashboard`).
public enum HubServer {
    /// Builds the application; `onRunning` receives the bound port.
    public static func application(
        store: any HubStore & ReportSource, identity: HubIdentity, configuration: HubServerConfiguration,
        logger: Logger? = nil,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var log = logger ?? Logger(label: "hocso-hub")
        if logger == nil { log.logLevel = .info }
        let router = Router(context: AddressedRequestContext.self)
        router.add(middleware: JSONErrorMiddleware())
        let service = SyncService(store: store, identity: identity)
        let limiter = RateLimiter(perSecond: configuration.requestsPerSecond, burst: configuration.burst)
        let catalogue = PackCatalogueCache(directory: configuration.packsDirectory)

        router.get("healthz") { _, _ -> Response in
            json(["status": "ok", "hub": identity.nodeId])
        }
        router.post("api/v1/events") { request, context -> Response in
            try await EventsEndpoint.handle(
                request, context: context, service: service, limiter: limiter, maxBytes: configuration.maxRequestBytes)
        }
        // The national tier: a province hub's signed roll-up (its signature authenticates it).
        router.post("api/v1/rollups") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 256 << 20)
            let signed = try SignedRollup.decode(Data(buffer: body), what: "POST \(RollupPush.path)")
            let stored = try await BlockingCalls.run { try HubRollups.accept(signed, store: store) }
            return json(["stored": String(stored), "hub": identity.nodeId])
        }
        router.get("api/v1/catalogue") { _, _ -> Response in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(try await BlockingCalls.run { try catalogue.current() })
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("api/v1/packs/:file") { request, context -> Response in
            try await PacksEndpoint.handle(request, context: context, catalogue: catalogue)
        }
        // Certificates: the public verification page and centres' signed status lists.
        CertificatesEndpoint.addRoutes(to: router, store: store, identity: identity)
        // The coordinators' dashboard (issue 5): every route under /dashboard.
        Dashboard.addRoutes(
            to: router, reports: HubReports(store, waitsForImports: false), maxAge: configuration.dashboardMaxAge)

        let parserLog = log
        return Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [ParserErrorAnswer(logger: parserLog)])),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "hocso-hub"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: log)
    }

    /// Runs until SIGINT/SIGTERM, folding new events into the aggregates every
    /// `configuration.foldInterval` meanwhile, so a page rarely has to wait for a fold.
    public static func run(
        store: any HubStore & ReportSource, identity: HubIdentity, configuration: HubServerConfiguration,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let app = application(store: store, identity: identity, configuration: configuration, onRunning: onRunning)
        let interval = configuration.foldInterval
        try await withThrowingTaskGroup(of: Void.self) { group in
            if interval > .zero {
                group.addTask { await keepAggregatesFresh(store, every: interval) }
            }
            try await app.runService()
            group.cancelAll()
        }
    }

    /// Folds newly arrived events into the report aggregates every `interval` until cancelled.
    public static func keepAggregatesFresh(_ store: any ReportSource, every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            // A failed fold is tried again next time; a report asked for meanwhile folds too.
            _ = try? await BlockingCalls.run { try store.refreshAggregates() }
        }
    }

    static func json(_ object: [String: String], status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(object)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
