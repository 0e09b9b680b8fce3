import ArchiveIO
import CourseModel
import Crypto
import Dispatch
import Foundation
import Synchronization

/// Receives the data of each verified-so-far entry while a pack is read (the store writes it to
/// staging; plain verification passes none).
protocol PackEntrySink: AnyObject {
    /// A new entry begins; `path` is already checked safe and listed in the manifest.
    func begin(path: String, size: Int64) throws
    /// The next chunk of the current entry.
    func write(_ chunk: UnsafeRawBufferPointer) throws
    /// The current entry is complete and its hash matched.
    func end() throws
}

/// What reading a pack established.
struct PackContents {
    /// What the manifest says the pack holds.
    var essentials: PackManifest.Essentials
    /// The whole manifest, when the reader was asked to decode it (`decodesWhole`).
    var manifest: PackManifest?
    /// Its exact bytes (what the signature covers).
    var manifestData: Data
    /// The exact bytes of `manifest.sig`, if present.
    var signatureData: Data?
    /// The key whose valid signature the pack carries, if signed.
    var signer: PublicKey?
    /// Whether the signer is among the trusted keys.
    var isTrusted: Bool
    /// The compiled course, when the reader was asked to decode it whole.
    var course: Course?
}

/// Bounds on what a pack may expand to.
struct PackLimits {
    var maxEntries: Int
    var maxTotalBytes: Int64
}

/// Reads a pack in one streaming pass and checks everything the format promises.
///
/// Order of checks: the manifest must be the first entry and be readable by this version; the
/// signature (if any) must verify over the manifest's exact bytes and satisfy the trust policy;
/// only then is any data passed to the sink, entry by entry, each checked for a safe path, a
/// regular type, a manifest listing, its size, the bounds and finally its SHA-256.
struct PackReader {
    var trustedKeys: [PublicKey]
    var requireSignature: Bool
    var limits: PackLimits
    /// Whether to decode all of course.json and of the manifest (verify does). Install only scans
    /// course.json for its id and version as it streams by, since the hashes already tie it to the
    /// manifest, and checks the manifest's lesson outline in place (`ManifestOutline`): decoding
    /// the two dominated install time.
    var decodesWhole = true

    func read(
        pack: URL, sink: PackEntrySink? = nil, beforeData: (PackManifest.Essentials) throws -> Void = { _ in }
    ) throws -> PackContents {
        let name = pack.path
        let reader: ArchiveReader
        do {
            reader = try ArchiveReader(path: name)
        } catch let error as ArchiveError {
            throw PackError.refused(.notAnArchive, pack: name, "it is not a readable archive (\(error.message))")
        }
        do {
            return try read(reader, name: name, sink: sink, beforeData: beforeData)
        } catch let error as ArchiveError {
            throw PackError.refused(
                .corruptStream, pack: name, "the archive stream is corrupt or truncated (\(error.message))")
        }
    }

    private func read(
        _ reader: ArchiveReader, name: String, sink: PackEntrySink?,
        beforeData: (PackManifest.Essentials) throws -> Void
    ) throws -> PackContents {
        // 1. The manifest, first.
        guard let first = try reader.nextEntry() else {
            throw PackError.refused(.manifestNotFirst, pack: name, "the archive is empty")
        }
        guard first.path == PackFormat.manifestPath, first.type == .regular else {
            let what = first.path.map { "'\($0)'" } ?? "an entry with an unreadable name"
            throw PackError.refused(.manifestNotFirst, pack: name, "its first entry is \(what), not manifest.json")
        }
        let manifestData = try readSmall(reader, entry: first, name: name)
        // Everything before the data needs only the manifest's essentials. The whole manifest
        // (with the lesson outline, thousands of ids in a big course) is decoded on another core
        // while this one checks and extracts, or only checked for its shape.
        let wholeManifest =
            decodesWhole ? BackgroundValue { try PackJSON.decode(PackManifest.self, from: manifestData) } : nil
        let manifest = try decodeEssentials(manifestData, name: name)
        if !decodesWhole, let problem = ManifestOutline.problem(in: manifestData) {
            throw PackError.refused(.badManifest, pack: name, "its manifest \(problem)")
        }

        // 2. The signature, if present, then the trust policy.
        var entry = try reader.nextEntry()
        var signatureData: Data?
        var signer: PublicKey?
        if let sig = entry, sig.path == PackFormat.signaturePath {
            guard sig.type == .regular else {
                throw PackError.refused(
                    .forbiddenEntryType, pack: name, "manifest.sig is a \(sig.type.name), not a regular file")
            }
            let data = try readSmall(reader, entry: sig, name: name)
            guard let record = try? PackJSON.decode(PackSignature.self, from: data) else {
                throw PackError.refused(.badSignature, pack: name, "manifest.sig is not a valid signature record")
            }
            guard record.algorithm == PackSignature.ed25519 else {
                throw PackError.refused(
                    .badSignature, pack: name, "manifest.sig uses algorithm '\(record.algorithm)', not ed25519")
            }
            guard let key = record.verifiedSigner(of: manifestData) else {
                throw PackError.refused(
                    .badSignature, pack: name,
                    "its signature does not match the manifest (the pack was altered or the signature is damaged)")
            }
            signatureData = data
            signer = key
            entry = try reader.nextEntry()
        }
        let isTrusted = signer.map { trustedKeys.contains($0) } ?? false
        if let signer, !trustedKeys.isEmpty, !isTrusted {
            throw PackError.refused(
                .untrustedSignature, pack: name,
                "it is signed by key \(signer.base64), which is not among the trusted keys")
        }
        if requireSignature {
            guard let signer else {
                throw PackError.refused(.missingSignature, pack: name, "it is not signed and a signature is required")
            }
            guard isTrusted else {
                throw PackError.refused(
                    .untrustedSignature, pack: name,
                    "it is signed by key \(signer.base64), but no trusted key was given")
            }
        }
        try beforeData(manifest)

        // 3. The files, each listed once, streamed and hashed.
        let index = Dictionary(uniqueKeysWithValues: manifest.files.enumerated().map { ($1.path, $0) })
        var seen = [Bool](repeating: false, count: manifest.files.count)
        var entryCount = signatureData == nil ? 1 : 2
        var totalBytes: Int64 = 0
        var courseData = Data()
        var identityScanner = CourseIdentityScanner()
        let digest = BackgroundDigest()
        while let current = entry {
            entryCount += 1
            if entryCount > limits.maxEntries {
                throw PackError.refused(.limitExceeded, pack: name, "it has more than \(limits.maxEntries) entries")
            }
            guard let path = current.path else {
                throw PackError.refused(.unsafePath, pack: name, "an entry's name is not valid UTF-8")
            }
            // The type first: a directory's name ends in '/', and a link is refused for what it is.
            guard current.type == .regular else {
                throw PackError.refused(
                    .forbiddenEntryType, pack: name,
                    "entry '\(path)' is a \(current.type.name); packs hold only regular files")
            }
            if let problem = PackPath.problem(path) {
                throw PackError.refused(.unsafePath, pack: name, "entry '\(path)' \(problem)")
            }
            guard let position = index[path], !seen[position] else {
                let why = index[path] == nil ? "is not listed in the manifest" : "appears twice"
                throw PackError.refused(.unexpectedEntry, pack: name, "entry '\(path)' \(why)")
            }
            seen[position] = true
            let record = manifest.files[position]
            totalBytes += max(current.size, 0)
            if totalBytes > limits.maxTotalBytes {
                throw PackError.refused(
                    .limitExceeded, pack: name,
                    "its entries expand to more than \(limits.maxTotalBytes) bytes (entry '\(path)' claims \(current.size))"
                )
            }
            guard current.size == record.size else {
                throw PackError.refused(
                    .sizeMismatch, pack: name,
                    "entry '\(path)' has \(current.size) bytes but the manifest says \(record.size)")
            }
            let isCourse = path == PackFormat.coursePath
            var count: Int64 = 0
            digest.begin()
            try sink?.begin(path: path, size: record.size)
            try reader.readData { chunk in
                count += Int64(chunk.count)
                guard count <= record.size else {
                    throw PackError.refused(
                        .sizeMismatch, pack: name, "entry '\(path)' holds more data than its header claims")
                }
                digest.feed(chunk)
                if isCourse {
                    if decodesWhole { courseData.append(contentsOf: chunk) } else { identityScanner.feed(chunk) }
                }
                try sink?.write(chunk)
            }
            guard count == record.size else {
                throw PackError.refused(
                    .corruptStream, pack: name, "entry '\(path)' ends after \(count) of its \(record.size) bytes")
            }
            guard digest.finish() == record.sha256 else {
                throw PackError.refused(
                    .hashMismatch, pack: name, "entry '\(path)' does not match its SHA-256 in the manifest")
            }
            try sink?.end()
            entry = try reader.nextEntry()
        }
        if let missing = seen.firstIndex(of: false) {
            throw PackError.refused(
                .missingEntry, pack: name,
                "entry '\(manifest.files[missing].path)' is listed in the manifest but absent")
        }

        // 4. The course itself, which must be the one the manifest names.
        let course: Course?
        let identity: CourseIdentityScanner.Identity
        if decodesWhole {
            guard let full = try? PackJSON.decode(Course.self, from: courseData) else {
                throw PackError.refused(.badCourse, pack: name, "course.json is not a valid compiled course")
            }
            (course, identity) = (full, .init(id: full.id, version: full.version))
        } else {
            guard let found = identityScanner.identity() else {
                throw PackError.refused(.badCourse, pack: name, "course.json is not a valid compiled course")
            }
            (course, identity) = (nil, found)
        }
        guard identity.id == manifest.course.id, identity.version == manifest.course.version else {
            throw PackError.refused(
                .badCourse, pack: name,
                "course.json holds course '\(identity.id)' version \(identity.version) but the manifest names '\(manifest.course.id)' version \(manifest.course.version)"
            )
        }
        var whole: PackManifest?
        if let wholeManifest {
            guard let decoded = try? wholeManifest.value() else {
                throw PackError.refused(.badManifest, pack: name, "manifest.json is not a valid manifest")
            }
            whole = decoded
        }
        return PackContents(
            essentials: manifest, manifest: whole, manifestData: manifestData, signatureData: signatureData,
            signer: signer,
            isTrusted: isTrusted, course: course)
    }

    private func readSmall(_ reader: ArchiveReader, entry: ArchiveEntry, name: String) throws -> Data {
        guard entry.size <= PackFormat.maxMetadataBytes else {
            throw PackError.refused(
                .limitExceeded, pack: name,
                "\(entry.path ?? "an entry") claims \(entry.size) bytes, more than a manifest may have")
        }
        return try reader.readAll(limit: PackFormat.maxMetadataBytes)
    }

    private func decodeEssentials(_ data: Data, name: String) throws -> PackManifest.Essentials {
        // A future format is named as such even when the rest of its manifest no longer decodes
        // as ours: the versions are read alone when the essentials do not decode (not always
        // first, which parsed a large manifest twice).
        struct Versions: Decodable {
            var format: Int
            var minReader: Int
        }
        let whole = try? PackJSON.decode(PackManifest.Essentials.self, from: data)
        let versions =
            whole.map { Versions(format: $0.format, minReader: $0.minReader) }
            ?? (try? PackJSON.decode(Versions.self, from: data))
        guard let versions else {
            throw PackError.refused(
                .badManifest, pack: name, "manifest.json is not a valid manifest (no format or minReader)")
        }
        guard versions.format <= PackFormat.readerVersion, versions.minReader <= PackFormat.readerVersion else {
            throw PackError.refused(
                .unsupportedFormat, pack: name,
                "it is pack format \(versions.format) needing reader \(versions.minReader), newer than this hocso reads (\(PackFormat.readerVersion)); update hocso"
            )
        }
        guard let manifest = whole else {
            throw PackError.refused(.badManifest, pack: name, "manifest.json is not a valid manifest")
        }
        if let problem = problem(in: manifest) {
            throw PackError.refused(.badManifest, pack: name, "its manifest \(problem)")
        }
        if manifest.files.count + 2 > limits.maxEntries {
            throw PackError.refused(
                .limitExceeded, pack: name,
                "its manifest lists \(manifest.files.count) files, more than the limit of \(limits.maxEntries) entries")
        }
        if manifest.totalBytes > limits.maxTotalBytes || manifest.files.contains(where: { $0.size < 0 }) {
            throw PackError.refused(
                .limitExceeded, pack: name,
                "its manifest lists \(manifest.totalBytes) bytes, more than the limit of \(limits.maxTotalBytes)")
        }
        return manifest
    }

    /// Why the manifest is inconsistent, or `nil`.
    private func problem(in manifest: PackManifest.Essentials) -> String? {
        guard Identifier.isValid(manifest.course.id) else {
            return "names an invalid course id '\(manifest.course.id)'"
        }
        guard manifest.course.version > 0 else { return "gives version \(manifest.course.version)" }
        guard manifest.files.first?.path == PackFormat.coursePath else { return "does not list course.json first" }
        var paths = Set<String>()
        for file in manifest.files {
            if let problem = PackPath.problem(file.path) { return "lists '\(file.path)', which \(problem)" }
            guard file.path == PackFormat.coursePath || file.path.hasPrefix(PackFormat.assetsPrefix) else {
                return "lists '\(file.path)', which is neither course.json nor under assets/"
            }
            guard paths.insert(file.path).inserted else { return "lists '\(file.path)' twice" }
            guard file.sha256.count == 64, file.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                return "gives '\(file.path)' a malformed SHA-256"
            }
        }
        return nil
    }
}

/// A value computed on another thread while the caller goes on; `value()` waits for it.
final class BackgroundValue<Value: Sendable>: Sendable {
    private let outcome = Mutex<Result<Value, any Error>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async { [self] in
            let result = Result { try work() }
            outcome.withLock { $0 = result }
            finished.signal()
        }
    }

    /// Waits for the work and returns its value or throws its error. Call it once.
    func value() throws -> Value {
        finished.wait()
        guard let result = outcome.withLock({ $0 }) else { preconditionFailure("signalled without a result") }
        return try result.get()
    }
}

/// SHA-256 of each entry computed on another core while the reader decompresses, scans and
/// writes the next chunk (on the reader's thread, hashing and scanning were a fifth of install
/// time; the scan stays there, so the two cores carry about the same load beside the manifest's
/// background decode).
///
/// Chunks are copied, since the reader reuses its buffer, and at most `maxChunksInFlight` wait at
/// once, so memory stays bounded however large an entry is. The hasher is touched only on
/// `queue`: callers enqueue work and read the result back through `queue.sync`.
final class BackgroundDigest: @unchecked Sendable {
    private let queue = DispatchQueue(label: "hocso.pack-digest")
    private let slots: DispatchSemaphore
    private var hasher = SHA256()

    /// Makes a digest that lets the reader run at most `maxChunksInFlight` chunks ahead.
    init(maxChunksInFlight: Int = 16) {
        slots = DispatchSemaphore(value: maxChunksInFlight)
    }

    /// Starts a new entry.
    func begin() {
        queue.async { [self] in hasher = SHA256() }
    }

    /// Hashes a copy of `chunk`, later.
    func feed(_ chunk: UnsafeRawBufferPointer) {
        let copy = [UInt8](chunk)
        slots.wait()
        queue.async { [self] in
            copy.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            slots.signal()
        }
    }

    /// Waits for the entry's chunks and returns its SHA-256 in lower-case hex.
    func finish() -> String {
        queue.sync { hasher.finalize().hexString }
    }
}
