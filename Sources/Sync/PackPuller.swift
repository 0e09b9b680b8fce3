import Foundation
import Packs

/// One pack a hub offers.
public struct CatalogueEntry: Sendable, Equatable, Codable {
    /// Course id.
    public var id: String
    /// Course version.
    public var version: Int
    /// File name under `/api/v1/packs/`.
    public var file: String
    /// Size in bytes.
    public var size: Int64
    /// SHA-256, hex.
    public var sha256: String

    /// Makes an entry.
    public init(id: String, version: Int, file: String, size: Int64, sha256: String) {
        self.id = id
        self.version = version
        self.file = file
        self.size = size
        self.sha256 = sha256
    }
}

/// `GET /api/v1/catalogue`.
public struct Catalogue: Sendable, Equatable, Codable {
    /// The packs.
    public var packs: [CatalogueEntry]

    /// Makes a catalogue.
    public init(packs: [CatalogueEntry]) { self.packs = packs }
}

/// What `hocso sync pull` did with one pack.
public struct PulledPack: Sendable, Equatable {
    /// The entry.
    public var entry: CatalogueEntry
    /// `installed`, `up to date`.
    public var outcome: String
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

    /// Fetches and installs every pack newer than what `store` has.
    public func pull(into store: ContentStore, policy: InstallPolicy) async throws -> [PulledPack] {
        let response = try await get(hub.appendingPathComponent("api/v1/catalogue"), range: nil)
        guard response.status == 200 else { throw EventPusher.refusal(response) }
        let catalogue = try CanonicalJSON.decode(Catalogue.self, from: response.body, what: "the hub's catalogue")
        let downloads = store.root.appendingPathComponent("downloads")
        do {
            try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        } catch {
            throw SyncError(.io, "cannot create '\(downloads.path)'")
        }
        var results: [PulledPack] = []
        for entry in catalogue.packs.sorted(by: { ($0.id, $0.version) < ($1.id, $1.version) }) {
            guard !entry.file.contains("/"), entry.file.hasSuffix(".\(PackFormat.fileExtension)"),
                !entry.file.hasPrefix(".")
            else {
                throw SyncError(.invalid, "the catalogue lists a bad file name '\(entry.file)'")
            }
            if let installed = store.installedCourse(id: entry.id), installed.version >= entry.version {
                results.append(PulledPack(entry: entry, outcome: "up to date", fetchedBytes: 0))
                continue
            }
            let fetched = try await download(entry, into: downloads)
            let file = downloads.appendingPathComponent(entry.file)
            do {
                try store.install(pack: file, policy: policy)
            } catch {
                throw SyncError(.corrupt, "pack '\(entry.file)' was not installed: \(error)")
            }
            try? FileManager.default.removeItem(at: file)
            results.append(PulledPack(entry: entry, outcome: "installed", fetchedBytes: fetched))
        }
        return results
    }

    private func download(_ entry: CatalogueEntry, into downloads: URL) async throws -> Int64 {
        let part = downloads.appendingPathComponent(entry.file + ".part")
        if !FileManager.default.fileExists(atPath: part.path) {
            _ = FileManager.default.createFile(atPath: part.path, contents: nil)
        }
        guard let handle = try? FileHandle(forWritingTo: part) else {
            throw SyncError(.io, "cannot write '\(part.path)'")
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
            guard !piece.isEmpty else { throw SyncError(.network, "the hub sent an empty piece of '\(entry.file)'") }
            try handle.write(contentsOf: piece)
            try handle.synchronize()
            have += Int64(piece.count)
            fetched += Int64(piece.count)
        }
        try handle.close()
        let data = try Data(contentsOf: part, options: .alwaysMapped)
        guard Int64(data.count) == entry.size, Digest.sha256Hex(data) == entry.sha256 else {
            try? FileManager.default.removeItem(at: part)
            throw SyncError(
                .corrupt,
                "pack '\(entry.file)' does not match the catalogue's size and hash; the download was discarded")
        }
        let final = downloads.appendingPathComponent(entry.file)
        try? FileManager.default.removeItem(at: final)
        guard rename(part.path, final.path) == 0 else { throw SyncError(.io, "cannot rename '\(part.path)'") }
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
                    throw SyncError(.network, "cannot reach hub \(hub.absoluteString): \(EventPusher.short(error))")
                }
            }
            guard attempt < retry.maxAttempts else {
                throw SyncError(.network, "hub \(hub.absoluteString) keeps failing; try later")
            }
            await retry.sleep(retry.delay(beforeRetry: attempt))
        }
    }
}
