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
                (0..<16).map { _ in Self.connect(port: url.port ?? 0) }
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

    /// A blocking TCP connect to 127.0.0.1:`port` that sends nothing; -1 when it failed.
    static func connect(port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var to = sockaddr_in()
        to.sin_family = sa_family_t(AF_INET)
        to.sin_addr.s_addr = inet_addr("127.0.0.1")
        to.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &to) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if connected != 0 {
            close(fd)
            return -1
        }
        return fd
    }
}
