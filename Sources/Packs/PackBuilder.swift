import ArchiveIO
import CourseModel
import Crypto
import Foundation
import Localization
import Synchronization

/// Turns a compiled course and its folder into a reproducible, optionally signed pack file.
///
/// Entries: `manifest.json`, `manifest.sig` (if signed), `course.json`, then `assets/<path>` in
/// byte order of their paths. Every entry has mtime 0, owner 0:0, no owner names, mode 0644;
/// JSON is encoded with sorted keys; so the same course and assets always give the same bytes.
public struct PackBuilder: Sendable {
    /// The zstd level (1–22).
    public var compressionLevel: Int
    /// zstd worker threads: 1 (the default) compresses beside the thread that writes the tar, as
    /// the `zstd` command does by default; 0 compresses in the writing thread. The output does not
    /// depend on the machine, only on this setting (see docs/pack-format.md).
    public var compressionThreads: Int = PackFormat.compressionThreads
    /// Recorded in the manifest's `builtBy`, e.g. `hocso 0.1.0`.
    public var builtBy: String
    /// Called with (bytes written, bytes to write) as entries are written; for progress display.
    public var progress: (@Sendable (Int64, Int64) -> Void)?

    /// Makes a builder; level 19 by default because packs travel over slow links (see docs/pack-format.md).
    public init(
        compressionLevel: Int = PackFormat.defaultCompressionLevel,
        builtBy: String = "hocso \(PackFormat.libraryVersion)"
    ) {
        self.compressionLevel = compressionLevel
        self.builtBy = builtBy
    }

    /// Builds `<id>-<version>.hspack` in `directory` (created if needed) and returns its URL.
    ///
    /// The pack is written to a temporary name and renamed into place, so a failed build never
    /// leaves a partial pack under the real name.
    public func build(course: Course, courseFolder: URL, into directory: URL, signingKey: SigningKey?) throws -> URL {
        guard Identifier.isValid(course.id) else {
            throw PackError(.badSource, course.id, StoreText.invalidCourseId(course.id))
        }
        guard course.version > 0 else {
            throw PackError(.badSource, course.id, StoreText.invalidVersion(course.id, course.version))
        }
        let courseJSON = try Self.encodeCourse(course)
        let assets = try assetRecords(course: course, folder: courseFolder)
        let files = [record(path: PackFormat.coursePath, data: courseJSON)] + assets.map(\.record)
        let manifest = try PackJSON.encode(PackManifest(course: course, files: files, builtBy: builtBy))
        let signature = try signingKey.map { try PackJSON.encode(PackSignature(signing: manifest, with: $0)) }

        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let final = directory.appendingPathComponent(PackFormat.fileName(courseId: course.id, version: course.version))
        let temporary = directory.appendingPathComponent(".\(final.lastPathComponent).\(getpid()).partial")
        do {
            try write(
                to: temporary.path, manifest: manifest, signature: signature, courseJSON: courseJSON, assets: assets,
                total: files.reduce(0) { $0 + $1.size })
            Posix.fsyncPath(temporary.path)
            try Posix.rename(temporary.path, final.path)
        } catch {
            Posix.removeTree(temporary.path)
            throw error
        }
        return final
    }

    /// Why writing failed, from the archive error: the system's reason when there is one.
    private static func reason(_ error: ArchiveError) -> Phrase {
        error.systemError.map { Phrase.systemReason($0) } ?? error.phrase
    }

    /// `course.json`: the same bytes as encoding the whole course at once, but made lesson by
    /// lesson on every core and joined, because the encoder's tree for a whole large course was
    /// the biggest share of the build's memory and a tenth of its time.
    static func encodeCourse(_ course: Course) throws -> Data {
        var shell = course
        shell.lessons = []
        let head = try PackJSON.encode(shell)
        // With sorted keys and no whitespace, the empty list is written exactly so; a quote inside
        // a string value is escaped, so these bytes can only be the key itself.
        let marker = Data(#""lessons":[]"#.utf8)
        guard let slot = head.range(of: marker), head.range(of: marker, in: slot.upperBound..<head.endIndex) == nil
        else {
            return try PackJSON.encode(course)
        }
        let lessons = course.lessons
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, lessons.count))
        let results = Mutex<[Int: Result<Data, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (lessons.count * part / parts)..<(lessons.count * (part + 1) / parts)
            let result = Result<Data, any Error> {
                var data = Data()
                for index in range {
                    if index > range.lowerBound { data.append(UInt8(ascii: ",")) }
                    data.append(try PackJSON.encode(lessons[index]))
                }
                return data
            }
            results.withLock { $0[part] = result }
        }
        var out = Data(head[..<slot.lowerBound])
        out.append(Data(#""lessons":["#.utf8))
        for part in 0..<parts {
            guard let result = results.withLock({ $0.removeValue(forKey: part) }) else { continue }
            if part > 0 { out.append(UInt8(ascii: ",")) }
            out.append(try result.get())
        }
        out.append(Data("]".utf8))
        out.append(head[(slot.upperBound)...])
        return out
    }

    /// An asset to pack: where it is on disk and its manifest record.
    struct Asset {
        var source: String
        var record: PackManifest.FileRecord
    }

    private func record(path: String, data: Data) -> PackManifest.FileRecord {
        PackManifest.FileRecord(path: path, size: Int64(data.count), sha256: SHA256.hash(data: data).hexString)
    }

    /// Hashes every asset, in pack order, streaming each file.
    private func assetRecords(course: Course, folder: URL) throws -> [Asset] {
        let paths = Set(course.assets).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return try paths.map { path in
            if let problem = PackPath.problem(path) {
                throw PackError(.badSource, path, StoreText.assetUnsafe(path, course.id, problem))
            }
            let source = folder.appendingPathComponent(path).path
            var info = stat()
            guard stat(source, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                throw PackError(.badSource, source, StoreText.assetMissing(path, course.id))
            }
            var hasher = SHA256()
            let size = try FileChunks.read(source) { hasher.update(bufferPointer: $0) }
            return Asset(
                source: source,
                record: .init(path: PackFormat.assetsPrefix + path, size: size, sha256: hasher.finalize().hexString))
        }
    }

    private func write(
        to path: String, manifest: Data, signature: Data?, courseJSON: Data, assets: [Asset], total: Int64
    ) throws {
        let writer: ArchiveWriter
        do {
            writer = try ArchiveWriter(
                path: path, compression: .zstd(level: compressionLevel, threads: compressionThreads))
            try writer.addFile(path: PackFormat.manifestPath, contents: manifest)
            if let signature { try writer.addFile(path: PackFormat.signaturePath, contents: signature) }
            try writer.addFile(path: PackFormat.coursePath, contents: courseJSON)
        } catch let error as ArchiveError {
            throw PackError(.io, path, StoreText.cannotWritePack(path, Self.reason(error)))
        }
        var done = Int64(courseJSON.count)
        progress?(done, total)
        for asset in assets {
            do {
                try writer.beginEntry(ArchiveEntry(path: asset.record.path, size: asset.record.size))
                // The file is read again rather than kept from hashing, so memory stays flat
                // however large the assets; a file that changed in between is caught by its size.
                let size = try FileChunks.read(asset.source) { chunk in
                    try writer.write(chunk)
                    done += Int64(chunk.count)
                    progress?(done, total)
                }
                guard size == asset.record.size else {
                    throw PackError(.badSource, asset.source, StoreText.assetChanged(asset.source))
                }
                try writer.finishEntry()
            } catch let error as ArchiveError {
                throw PackError(.io, path, StoreText.cannotWritePack(path, Self.reason(error)))
            }
        }
        do {
            try writer.close()
        } catch let error as ArchiveError {
            throw PackError(.io, path, StoreText.cannotWritePack(path, Self.reason(error)))
        }
    }
}

extension Digest {
    /// Lower-case hex.
    var hexString: String {
        var out = ""
        out.reserveCapacity(Self.byteCount * 2)
        for byte in self {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return out
    }
}

private let hexDigits = Array("0123456789abcdef")
