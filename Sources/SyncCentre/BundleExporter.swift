import ArchiveIO
import Foundation
import HubStore
import LearnerEvents
import Localization
import ProgressStore
import SyncWire

/// A bundle file written by `BundleExporter`.
public struct ExportedBundle: Sendable, Equatable {
    /// Where it was written.
    public var url: URL
    /// First seq in it.
    public var firstSeq: Int64
    /// Last seq in it.
    public var lastSeq: Int64
    /// Events in it.
    public var eventCount: Int
    /// Its size on disk.
    public var bytes: Int64
}

/// Writes a centre's unacknowledged events as signed bundles (tar + zstd).
///
/// Two passes over the (immutable) events: the first encodes each data file only to hash and
/// size it, so the signed manifest can come first in the archive; the second encodes them again
/// and writes them. Memory holds one data file at a time. Each bundle is written under a
/// temporary name in the target folder, fsynced, then renamed: a stick pulled out mid-write
/// never holds a file that looks like a whole bundle.
public struct BundleExporter: Sendable {
    /// Largest bundle file; larger exports are split into several bundles.
    public var maxBundleBytes: Int64
    /// Most events per data file.
    public var eventsPerFile: Int
    /// Most bytes per data file.
    public var bytesPerFile: Int
    /// zstd level.
    public var compressionLevel: Int

    /// Makes an exporter (FAT32-safe defaults).
    public init(
        maxBundleBytes: Int64 = BundleFormat.defaultMaxBundleBytes, eventsPerFile: Int = 20_000,
        bytesPerFile: Int = 8 << 20,
        compressionLevel: Int = 3
    ) {
        self.maxBundleBytes = maxBundleBytes
        self.eventsPerFile = eventsPerFile
        self.bytesPerFile = bytesPerFile
        self.compressionLevel = compressionLevel
    }

    private struct Chunk {
        var file: BundleManifest.File
        var kinds: [String: Int]
    }

    /// Writes bundles of every event not yet acknowledged by a hub into `directory`; none when
    /// there is nothing to send.
    public func export(from store: CentreStore, to directory: URL, clock: SyncClock = systemSyncClock) throws
        -> [ExportedBundle]
    {
        let identity = try CentreSync.identity(store)
        let key = try CentreSync.signingKey(store)
        let first = try store.acknowledgedThrough() + 1
        let last = try store.lastSeq
        guard first <= last else { return [] }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SyncError(.io, CentreSyncText.cannotCreateFolder(directory.path))
        }

        // Room for tar headers, the manifest and zstd's worst case, so a part never reaches the limit.
        let partBudget = maxBundleBytes - maxBundleBytes / 16 - 8192
        let fileBudget = Int(min(Int64(bytesPerFile), partBudget - 4096))
        guard fileBudget > 1024 else {
            throw SyncError(.invalid, CentreSyncText.limitTooSmall(maxBundleBytes))
        }

        // Pass 1: data files, hashed and sized.
        var chunks: [Chunk] = []
        var buffer: [UInt8] = []
        var pending: (first: Int64, last: Int64, count: Int, kinds: [String: Int])?
        func flush() {
            guard let p = pending else { return }
            let file = BundleManifest.File(
                path: "", firstSeq: p.first, lastSeq: p.last, events: p.count, bytes: Int64(buffer.count),
                sha256: Digest.sha256Hex(buffer))
            chunks.append(Chunk(file: file, kinds: p.kinds))
            buffer.removeAll(keepingCapacity: true)
            pending = nil
        }
        try store.forEachEvent(from: first, through: last) { events in
            for event in events {
                let before = buffer.count
                try EventLines.append(event, to: &buffer)
                if buffer.count - before > fileBudget {
                    throw SyncError(.invalid, CentreSyncText.eventTooLarge(event.id))
                }
                if pending != nil, buffer.count > fileBudget || pending!.count >= eventsPerFile {
                    // Move the line just written into the next file.
                    let line = Array(buffer[before...])
                    buffer.removeSubrange(before...)
                    flush()
                    buffer = line
                }
                if pending == nil { pending = (event.seq, event.seq, 0, [:]) }
                pending!.last = event.seq
                pending!.count += 1
                pending!.kinds[event.kind.rawValue, default: 0] += 1
            }
        }
        flush()

        // Group data files into parts under the size limit.
        var parts: [[Chunk]] = []
        var current: [Chunk] = []
        var size: Int64 = 4096
        for chunk in chunks {
            let cost = chunk.file.bytes + 1024 + 400
            if !current.isEmpty, size + cost > partBudget {
                parts.append(current)
                current = []
                size = 4096
            }
            current.append(chunk)
            size += cost
        }
        if !current.isEmpty { parts.append(current) }

        var written: [ExportedBundle] = []
        for part in parts {
            let bundle = try writePart(
                part, identity: identity, key: key, store: store, directory: directory, createdAt: clock())
            try store.recordExport(
                fileName: bundle.url.lastPathComponent, firstSeq: bundle.firstSeq, lastSeq: bundle.lastSeq)
            written.append(bundle)
        }
        return written
    }

    private func writePart(
        _ part: [Chunk], identity: SyncIdentity, key: NodeKey, store: CentreStore, directory: URL, createdAt: Int64
    ) throws -> ExportedBundle {
        guard let firstChunk = part.first, let lastChunk = part.last else {
            throw SyncError(.invalid, CentreSyncText.emptyPart)
        }
        var files: [BundleManifest.File] = []
        var kinds: [String: Int] = [:]
        for (index, chunk) in part.enumerated() {
            var file = chunk.file
            file.path = BundleFormat.dataPath(index + 1)
            files.append(file)
            for (kind, count) in chunk.kinds { kinds[kind, default: 0] += count }
        }
        let manifest = BundleManifest(
            node: identity.nodeId, publicKey: identity.publicKey,
            firstSeq: firstChunk.file.firstSeq, lastSeq: lastChunk.file.lastSeq,
            eventCount: files.reduce(0) { $0 + $1.events },
            kinds: kinds, createdAt: createdAt, files: files)
        let manifestData = try CanonicalJSON.pretty(manifest)
        let signature = BundleSignature(
            algorithm: "ed25519", publicKey: identity.publicKey,
            signature: try key.sign(BundleSignature.signedBytes(manifestData)))
        let signatureData = try CanonicalJSON.pretty(signature)

        let name = BundleFormat.fileName(node: identity.nodeId, first: manifest.firstSeq, last: manifest.lastSeq)
        let final = directory.appendingPathComponent(name)
        let temporary = directory.appendingPathComponent(".\(name).\(UUID().uuidString.prefix(8)).partial")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw SyncError(.io, CentreSyncText.cannotCreate(temporary.path, .systemReason(errno)))
        }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            let writer = try ArchiveWriter(fileDescriptor: fd, compression: .zstd(level: compressionLevel))
            let mtime = createdAt / 1000
            try writer.beginEntry(
                ArchiveEntry(
                    path: BundleFormat.manifestPath, type: .regular, size: Int64(manifestData.count), mode: 0o644,
                    modificationTime: mtime))
            try writer.write(manifestData)
            try writer.beginEntry(
                ArchiveEntry(
                    path: BundleFormat.signaturePath, type: .regular, size: Int64(signatureData.count), mode: 0o644,
                    modificationTime: mtime))
            try writer.write(signatureData)
            for file in files {
                var buffer: [UInt8] = []
                buffer.reserveCapacity(Int(file.bytes))
                try store.forEachEvent(from: file.firstSeq, through: file.lastSeq) { events in
                    for event in events {
                        try EventLines.append(event, to: &buffer)
                    }
                }
                guard Int64(buffer.count) == file.bytes, Digest.sha256Hex(buffer) == file.sha256 else {
                    throw SyncError(.corrupt, CentreSyncText.logChanged(first: file.firstSeq, last: file.lastSeq))
                }
                try writer.beginEntry(
                    ArchiveEntry(
                        path: file.path, type: .regular, size: file.bytes, mode: 0o644, modificationTime: mtime))
                try buffer.withUnsafeBytes { try writer.write($0) }
            }
            try writer.close()
            guard fsync(fd) == 0 else {
                throw SyncError(.io, CentreSyncText.cannotFlush(temporary.path, .systemReason(errno)))
            }
            close(fd)
            closed = true
            let bytes = (try? FileManager.default.attributesOfItem(atPath: temporary.path)[.size] as? Int64) ?? 0
            guard bytes < maxBundleBytes else {
                throw SyncError(
                    .io, CentreSyncText.bundleOverLimit(name, bytes: bytes, limit: maxBundleBytes))
            }
            guard rename(temporary.path, final.path) == 0 else {
                throw SyncError(
                    .io, CentreSyncText.cannotRename(temporary.path, final.path, .systemReason(errno)))
            }
            Self.syncDirectory(directory)
            return ExportedBundle(
                url: final, firstSeq: manifest.firstSeq, lastSeq: manifest.lastSeq, eventCount: manifest.eventCount,
                bytes: bytes)
        } catch {
            unlink(temporary.path)
            if let error = error as? SyncError { throw error }
            if let error = error as? ArchiveError, error.kind == .unavailable { throw SyncError(.io, error.phrase) }
            throw SyncError(.io, CentreSyncText.cannotWriteBundle(final.path))
        }
    }

    /// Flushes a folder's entries (the rename) to disk.
    static func syncDirectory(_ directory: URL) {
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

}
