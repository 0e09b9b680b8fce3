import Foundation
import Localization
import Packs
import SyncWire

/// What `hocso sync pull` did with one pack.
public struct PulledPack: Sendable, Equatable {
    /// The entry.
    public var entry: CatalogueEntry
    /// What happened to it.
    public var outcome: Outcome

    /// What pulling did with a pack.
    public enum Outcome: String, Sendable, Equatable {
        /// Downloaded and installed.
        case installed
        /// The store already had this version or a newer one.
        case upToDate = "up to date"
    }
    /// Bytes fetched now (less than the size when a partial download was resumed).
    public var fetchedBytes: Int64
}

/// `hocso sync pull`: new packs from a hub's catalogue, downloaded in ranged pieces into
/// `<store>/downloads/<file>.part` (so a cut download resumes where it stopped), checked against
/// the catalogue's size and SHA-256, then installed through `ContentStore.install`.
public struct PackPuller: Sendable {
    /// The hub's base URL.
    public let hub: URL
    /// HTTP.
    public let transport: any SyncTransport
    /// Retries.
    public let retry: RetryPolicy
    /// Bytes per ranged request.
    public var pieceBytes: Int64

    /// Makes a puller.
    public init(
        hub: URL, transport: any SyncTransport = HTTPClientTransport(), retry: RetryPolicy = RetryPolicy(),
        pieceBytes: Int64 = 4 << 20
    ) {
        self.hub = hub
        self.transport = transport
        self.retry = retry
        self.pieceBytes = pieceBytes
    }

    /// Fetches and installs every pack newer than what `store` has. Trust comes from the store's
    /// own list, as for `hocso pack install`: `policy` carries only the operator's override
    /// (`allowUntrusted`) and the store's other rules.
    public func pull(into store: ContentStore, policy: InstallPolicy) async throws -> [PulledPack] {
        let response = try await get(hub.appendingPathComponent("api/v1/catalogue"), range: nil)
        guard response.status == 200 else { throw EventPusher.refusal(response) }
        let catalogue = try CanonicalJSON.decode(Catalogue.self, from: response.body, what: CentreSyncText.catalogue)
        let downloads = store.root.appendingPathComponent("downloads")
        do {
            try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        } catch {
            throw SyncError(.io, CentreSyncText.cannotCreateFolder(downloads.path))
        }
        var results: [PulledPack] = []
        for entry in catalogue.packs.sorted(by: { ($0.id, $0.version) < ($1.id, $1.version) }) {
            guard !entry.file.contains("/"), entry.file.hasSuffix(".\(PackFormat.fileExtension)"),
                !entry.file.hasPrefix(".")
            else {
                throw SyncError(.invalid, CentreSyncText.badCatalogueName(entry.file))
            }
            if let installed = store.installedCourse(id: entry.id), installed.version >= entry.version {
                results.append(PulledPack(entry: entry, outcome: .upToDate, fetchedBytes: 0))
                continue
            }
            let fetched = try await download(entry, into: downloads)
            let file = downloads.appendingPathComponent(entry.file)
            do {
                try store.install(pack: file, policy: policy)
            } catch {
                throw SyncError(.corrupt, CentreSyncText.packNotInstalled(entry.file, .of(error)))
            }
            try? FileManager.default.removeItem(at: file)
            results.append(PulledPack(entry: entry, outcome: .installed, fetchedBytes: fetched))
        }
        return results
    }

    private func download(_ entry: CatalogueEntry, into downloads: URL) async throws -> Int64 {
        let part = downloads.appendingPathComponent(entry.file + ".part")
        if !FileManager.default.fileExists(atPath: part.path) {
            _ = FileManager.default.createFile(atPath: part.path, contents: nil)
        }
        guard let handle = try? FileHandle(forWritingTo: part) else {
            throw SyncError(.io, SyncText.cannotWrite(part.path))
        }
        defer { try? handle.close() }
        var have = Int64((try? handle.seekToEnd()) ?? 0)
        if have > entry.size {
            try handle.truncate(atOffset: 0)
            have = 0
        }
        var fetched: Int64 = 0
        let url = hub.appendingPathComponent("api/v1/packs").appendingPathComponent(entry.file)
        while have < entry.size {
            let end = min(entry.size, have + pieceBytes) - 1
            let response = try await get(url, range: (have, end))
            guard response.status == 206 || (response.status == 200 && have == 0) else {
                throw EventPusher.refusal(response)
            }
            let piece = response.status == 200 ? response.body.prefix(Int(entry.size)) : response.body
            guard !piece.isEmpty else { throw SyncError(.network, CentreSyncText.emptyPiece(entry.file)) }
            do {
                try handle.write(contentsOf: piece)
                try handle.synchronize()
            } catch {
                throw SyncError(.io, SyncText.cannotWrite(part.path))
            }
            have += Int64(piece.count)
            fetched += Int64(piece.count)
        }
        guard (try? handle.close()) != nil, let data = try? Data(contentsOf: part, options: .alwaysMapped) else {
            throw SyncError(.io, SyncText.cannotRead(part.path))
        }
        guard Int64(data.count) == entry.size, Digest.sha256Hex(data) == entry.sha256 else {
            try? FileManager.default.removeItem(at: part)
            throw SyncError(.corrupt, CentreSyncText.downloadMismatch(entry.file))
        }
        let final = downloads.appendingPathComponent(entry.file)
        try? FileManager.default.removeItem(at: final)
        guard rename(part.path, final.path) == 0 else {
            throw SyncError(.io, CentreSyncText.cannotRename(part.path, final.path, .systemReason(errno)))
        }
        return fetched
    }

    private func get(_ url: URL, range: (Int64, Int64)?) async throws -> TransportResponse {
        var headers: [String: String] = [:]
        if let range { headers["Range"] = "bytes=\(range.0)-\(range.1)" }
        var attempt = 0
        while true {
            attempt += 1
            do {
                let response = try await transport.send(TransportRequest(method: "GET", url: url, headers: headers))
                if response.status != 429 && response.status < 500 { return response }
            } catch {
                if attempt >= retry.maxAttempts {
                    throw SyncError(.network, NetworkFailure.phrase(for: error, hub: hub.absoluteString))
                }
            }
            guard attempt < retry.maxAttempts else {
                throw SyncError(.network, CentreSyncText.keepsFailing(hub.absoluteString))
            }
            await retry.sleep(retry.delay(beforeRetry: attempt))
        }
    }
}
