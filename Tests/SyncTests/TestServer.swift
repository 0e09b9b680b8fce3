import Foundation
import HubServer
import HubStore
import Hummingbird
import LearnerEvents
import LiveServer
import Localization
import Synchronization

@testable import SyncCentre
@testable import SyncHub
@testable import SyncWire

/// A real hub server on 127.0.0.1 (a free port) for the length of `body`.
func withHubServer<T: Sendable>(
    _ hub: TestHub, configuration: HubServerConfiguration = HubServerConfiguration(port: 0),
    _ body: @Sendable (URL) async throws -> T
) async throws -> T {
    var configuration = configuration
    configuration.host = "127.0.0.1"
    configuration.port = 0
    return try await withLiveServer { onRunning in
        HubServer.application(store: hub.store, identity: hub.identity, configuration: configuration) { port in
            await onRunning(port)
        }
    } _: { port in
        try await body(URL(string: "http://127.0.0.1:\(port)")!)
    }
}

/// A blocking TCP connection to 127.0.0.1:`port`, its socket; -1 when it failed.
func connectToLoopback(port: Int) -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var to = sockaddr_in()
    to.sin_family = sa_family_t(AF_INET)
    to.sin_addr.s_addr = inet_addr("127.0.0.1")
    to.sin_port = in_port_t(UInt16(port).bigEndian)
    let connected = withUnsafePointer(to: &to) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    if connected != 0 {
        close(fd)
        return -1
    }
    return fd
}

/// A TCP proxy on 127.0.0.1 that forwards to `target`, and cuts each of the first `cuts`
/// connections after `afterBytes` bytes in the chosen direction.
final class CuttingProxy: Sendable {
    enum Direction: Sendable { case request, response }

    /// How many connections are still to be cut.
    final class Counter: Sendable {
        let value: Mutex<Int>
        init(_ n: Int) { value = Mutex(n) }
    }

    let port: Int
    private let listener: Int32
    private let remaining: Counter

    init(target: Int, afterBytes: Int, cuts: Int, direction: Direction) throws {
        remaining = Counter(cuts)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        listener = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw SyncError(.network, .verbatim("proxy cannot listen")) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let listener = fd
        let remaining = self.remaining
        Thread.detachNewThread {
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                let cut = remaining.value.withLock { n -> Bool in
                    defer { n -= 1 }
                    return n > 0
                }
                let upstream = connectToLoopback(port: target)
                if upstream < 0 {
                    close(client)
                    continue
                }
                let limit = cut ? afterBytes : Int.max
                Self.pump(
                    from: client, to: upstream, limit: direction == .request ? limit : Int.max,
                    closeBoth: (client, upstream))
                Self.pump(
                    from: upstream, to: client, limit: direction == .response ? limit : Int.max,
                    closeBoth: (client, upstream))
            }
        }
    }

    private static func pump(from source: Int32, to sink: Int32, limit: Int, closeBoth: (Int32, Int32)) {
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            var sent = 0
            while true {
                let n = read(source, &buffer, buffer.count)
                if n <= 0 { break }
                let allowed = min(n, limit - sent)
                if allowed > 0 { _ = write(sink, buffer, allowed) }
                sent += allowed
                if sent >= limit { break }
            }
            // Cutting: both ends see the connection drop.
            shutdown(closeBoth.0, Int32(SHUT_RDWR))
            shutdown(closeBoth.1, Int32(SHUT_RDWR))
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}
