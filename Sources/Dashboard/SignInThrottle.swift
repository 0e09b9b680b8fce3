import Foundation
import Hummingbird
import NIOCore

/// Slows password guessing: after a few failed sign-ins for an account from one address, or
/// from one address whatever the account, each further failure is answered later and later, and
/// tries in the meantime are turned away unchecked.
///
/// The keys are the client address and the account *at that address*, never the account alone:
/// a coordinator signing in from their own computer is not slowed by someone else's failures
/// elsewhere. Kept in memory: a restart forgets it, as a real attacker cannot cause at will.
public actor SignInThrottle {
    /// How many failures a key has before answers slow down.
    public let freeFailures: Int
    /// The delay after the first failure beyond the free ones; each further failure doubles it.
    public let firstDelay: Duration
    /// The longest delay.
    public let longestDelay: Duration
    /// After this long without a failure, a key starts afresh.
    public let forgetAfter: Duration

    private struct Record {
        var failures = 0
        var blockedUntil: ContinuousClock.Instant
        var lastFailure: ContinuousClock.Instant
    }

    private var records: [String: Record] = [:]
    private let clock = ContinuousClock()
    /// So a flood of addresses cannot fill memory: the oldest records go first.
    private let capacity = 10_000

    /// The dashboard's policy: three free failures, then 1 s, 2 s, 4 s … up to 30 s.
    public init(
        freeFailures: Int = 3, firstDelay: Duration = .seconds(1), longestDelay: Duration = .seconds(30),
        forgetAfter: Duration = .seconds(15 * 60)
    ) {
        self.freeFailures = freeFailures
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
        self.forgetAfter = forgetAfter
    }

    /// The keys one attempt counts against.
    static func keys(account: String, address: String) -> [String] {
        ["address \(address)", "account \(account.lowercased()) at \(address)"]
    }

    /// How long the caller must still wait before this attempt may be checked; zero when it may.
    public func wait(account: String, address: String) -> Duration {
        let now = clock.now
        return Self.keys(account: account, address: address).compactMap { records[$0] }
            .map { now < $0.blockedUntil ? now.duration(to: $0.blockedUntil) : .zero }
            .max() ?? .zero
    }

    /// Records a failure; returns how long its answer is held back (zero while failures are free).
    public func failed(account: String, address: String) -> Duration {
        let now = clock.now
        forgetOld(now)
        var delay = Duration.zero
        for key in Self.keys(account: account, address: address) {
            var record = records[key] ?? Record(blockedUntil: now, lastFailure: now)
            if now - record.lastFailure > forgetAfter { record.failures = 0 }
            record.failures += 1
            record.lastFailure = now
            let over = record.failures - freeFailures
            if over > 0 {
                let grown = firstDelay * (1 << min(over - 1, 20))
                let keyDelay = min(grown, longestDelay)
                record.blockedUntil = now + keyDelay
                delay = max(delay, keyDelay)
            }
            records[key] = record
        }
        return delay
    }

    /// A successful sign-in clears the account's record at this address (the address keeps its
    /// own, so one right password does not unlock guessing other accounts from there).
    public func succeeded(account: String, address: String) {
        records["account \(account.lowercased()) at \(address)"] = nil
    }

    private func forgetOld(_ now: ContinuousClock.Instant) {
        guard records.count >= capacity else { return }
        records = records.filter { now - $0.value.lastFailure <= forgetAfter }
        while records.count >= capacity, let oldest = records.min(by: { $0.value.lastFailure < $1.value.lastFailure }) {
            records[oldest.key] = nil
        }
    }
}

/// A request context that knows the client's address, so the dashboard can throttle by it.
public struct AddressedRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The client's address, as the socket saw it (not from headers, which a client can forge).
    public let remoteAddress: SocketAddress?

    /// Made by the server for each request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

extension RequestContext {
    /// The client's IP address, or `unknown` when the context does not carry it.
    var clientAddress: String {
        (self as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress ?? "unknown"
    }
}
