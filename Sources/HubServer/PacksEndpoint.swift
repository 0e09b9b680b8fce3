import Foundation
import Hummingbird
import Packs
import SyncWire
import Synchronization

/// The catalogue of packs in the packs folder, rebuilt when the folder's files change.
final class PackCatalogueCache: Sendable {
    let directory: URL?
    private struct Entry: Sendable {
        var size: Int64
        var modified: Date
        var entry: CatalogueEntry
    }

    private let cache = Mutex<[String: Entry]>([:])

    init(directory: URL?) { self.directory = directory }

    /// The catalogue now.
    func current() throws -> Catalogue {
        guard let directory else { return Catalogue(packs: []) }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".\(PackFormat.fileExtension)") && !$0.hasPrefix(".") }.sorted()
        var packs: [CatalogueEntry] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                let size = (attributes[.size] as? NSNumber)?.int64Value,
                let modified = attributes[.modificationDate] as? Date
            else { continue }
            if let cached = cache.withLock({ $0[name] }), cached.size == size, cached.modified == modified {
                packs.append(cached.entry)
                continue
            }
            // A file that is not a readable pack is left out of the catalogue.
            guard let manifest = try? PackVerifier().verify(pack: url).manifest,
                let sha = try? Digest.sha256Hex(fileAt: url)
            else { continue }
            let entry = CatalogueEntry(
                id: manifest.course.id, version: manifest.course.version, file: name, size: size, sha256: sha)
            cache.withLock { $0[name] = Entry(size: size, modified: modified, entry: entry) }
            packs.append(entry)
        }
        return Catalogue(packs: packs)
    }

    /// The path of a pack listed in the catalogue, nil otherwise (no path tricks possible).
    func path(of file: String) throws -> (path: String, size: Int64)? {
        guard let directory, let entry = try current().packs.first(where: { $0.file == file }) else { return nil }
        return (directory.appendingPathComponent(entry.file).path, entry.size)
    }
}

/// `GET /api/v1/packs/{file}` with `Range: bytes=N-[M]` for resumable downloads.
enum PacksEndpoint {
    static func handle(_ request: Request, context: some RequestContext, catalogue: PackCatalogueCache) async throws
        -> Response
    {
        guard let file = context.parameters.get("file"), let (path, size) = try catalogue.path(of: file) else {
            throw APIError(status: .notFound, code: "not-found", phrase: ServerText.noSuchPack)
        }
        var headers: HTTPFields = [.acceptRanges: "bytes", .contentType: "application/octet-stream"]
        guard let rangeText = request.headers[.range] else {
            headers[.contentLength] = String(size)
            let body = try await FileIO().loadFile(path: path, context: context)
            return Response(status: .ok, headers: headers, body: body)
        }
        guard let range = parseRange(rangeText, size: size) else {
            throw APIError(
                status: .rangeNotSatisfiable, code: "bad-range", phrase: ServerText.badRange,
                headers: [.contentRange: "bytes */\(size)"])
        }
        headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
        headers[.contentLength] = String(range.count)
        let body = try await FileIO().loadFile(path: path, range: range, context: context)
        return Response(status: .partialContent, headers: headers, body: body)
    }

    /// `bytes=N-`, `bytes=N-M` or `bytes=-K`, clamped to the file; nil when unsatisfiable.
    static func parseRange(_ text: String, size: Int64) -> ClosedRange<Int>? {
        guard text.hasPrefix("bytes="), size > 0 else { return nil }
        let spec = text.dropFirst(6)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
        let startText = spec[..<dash]
        let endText = spec[spec.index(after: dash)...]
        let last = Int(size - 1)
        if startText.isEmpty {
            guard let suffix = Int(endText), suffix > 0 else { return nil }
            return max(0, last - suffix + 1)...last
        }
        guard let start = Int(startText), start <= last else { return nil }
        let end = endText.isEmpty ? last : min(Int(endText) ?? -1, last)
        guard end >= start else { return nil }
        return start...end
    }
}
