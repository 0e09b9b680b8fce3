import Foundation
import TestSupport
import Testing

@testable import SyncCentre
@testable import SyncWire

/// The test hub server was stopped by cancelling its task. A connection the server had accepted
/// but not yet begun to serve was then freed unserved, and SwiftNIO trapped the whole test process
/// ("Deinited NIOAsyncWriter without calling finish()"): a CI run of the full suite died that way.
/// Test servers now shut down gracefully (`withLiveServer`), which serves or closes every accepted
/// connection first.
@Suite("Regression: stopping a test server while connections waited trapped the test process", .serialized)
struct TestServerStopRegressionTests {
    @Test func stoppingATestServerWhileConnectionsWaitedTrappedTheProcess() async throws {
        let dir = try temporaryDirectory("stop-server")
        defer { try? FileManager.default.removeItem(at: dir) }
        let hub = try TestHub(in: dir, name: "huyen")
        for _ in 0..<40 {
            // Connections that are opened and then left waiting while the server stops.
            let sockets = try await withHubServer(hub) { url -> [Int32] in
                (0..<16).map { _ in connectToLoopback(port: url.port ?? 0) }
            }
            for socket in sockets { close(socket) }
            #expect(sockets.allSatisfy { $0 >= 0 })
        }
        // The server still starts and answers after all that.
        let status = try await withHubServer(hub) { url in
            try await HTTPClientTransport().send(
                TransportRequest(method: "GET", url: url.appendingPathComponent("healthz"))
            ).status
        }
        #expect(status == 200)
    }
}
