import ArchiveIO
import CourseModel
import Crypto
import Foundation

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
    var manifest: PackManifest
    /// Its exact bytes (what the signature covers).
    var manifestData: Data
    /// The exact bytes of `manifest.sig`, if present.
    var signatureData: Data?
    /// The key whose valid signature the pack carries, if signed.
    var signer: PublicKey?
    /// Whether the signer is among the trusted keys.
    var isTrusted: Bool
    /// The compiled course.
    var course: Course
}

/// Bounds on what a pack may expand to.
struct PackLimits: Sendable {
    var maxEntries: Int
    var maxTotalBytes: Int64
}

/// Reads a pack in one streaming pass and checks everything the format promises. `pack verify`
/// and `pack install` both read through here, so they give the same verdict on every input; an
/// install only adds a sink that writes each entry to staging, and its own checks (version,
/// disk space) before the first byte of data.
///
/// Order of checks: the manifest must be the first entry and be readable by this version; the
/// signature (if any) must verify over the manifest's exact bytes and satisfy the trust policy;
/// only then is any data passed to the sink, entry by entry, each checked for a safe path, a
/// regular type, a manifest listing, its size, the bounds and finally its SHA-256; last,
/// `course.json` must decode as the course the manifest names.
struct PackReader {
    var trust: TrustPolicy
    var limits: PackLimits

    func read(
        _ source: PackSource, sink: (any PackEntrySink)? = nil, beforeData: (PackManifest) throws -> Void = { _ in }
    ) throws -> PackContents {
        let name = source.name
        let reader: ArchiveReader
        do {
            reader = try source.openArchive()
        } catch let error as ArchiveError {
            // A file that cannot be opened at all is named with the system's reason, a missing
            // libarchive with what to install; anything else it cannot start reading is not an archive.
            if error.systemError != nil || error.kind == .unavailable { throw PackError(.io, name, error.phrase) }
            throw PackError.refused(.notAnArchive, pack: name, PackText.notAnArchive)
        }
        do {
            return try read(reader, name: name, sink: sink, beforeData: beforeData)
        } catch is ArchiveError {
            throw PackError.refused(.corruptStream, pack: name, PackText.corruptStream)
        }
    }

    private func read(
        _ reader: ArchiveReader, name: String, sink: (any PackEntrySink)?, beforeData: (PackManifest) throws -> Void
    ) throws -> PackContents {
        // 1. The manifest, first.
        guard let first = try reader.nextEntry() else {
            throw PackError.refused(.manifestNotFirst, pack: name, PackText.emptyArchive)
        }
        guard first.path == PackFormat.manifestPath, first.type == .regular else {
            throw PackError.refused(.manifestNotFirst, pack: name, PackText.firstEntry(first.path))
        }
        let manifestData = try readSmall(reader, entry: first, name: name)
        let manifest = try PackManifest.checked(manifestData, pack: name, limits: limits)

        // 2. The signature, if present, then the trust policy.
        var entry = try reader.nextEntry()
        var signatureData: Data?
        var signer: PublicKey?
        if let sig = entry, sig.path == PackFormat.signaturePath {
            guard sig.type == .regular else {
                throw PackError.refused(
                    .forbiddenEntryType, pack: name, PackText.signatureNotRegular(sig.type.name))
            }
            let data = try readSmall(reader, entry: sig, name: name)
            signer = try PackSignature.verifiedSigner(record: data, manifest: manifestData, pack: name)
            signatureData = data
            entry = try reader.nextEntry()
        }
        let isTrusted = try trust.check(signer: signer, pack: name)
        try beforeData(manifest)

        // 3. The files, each listed once, streamed and hashed.
        var index: [Data: Int] = [:]
        for (position, file) in manifest.files.enumerated() { index[Data(file.path.utf8)] = position }
        var seen = [Bool](repeating: false, count: manifest.files.count)
        var entryCount = signatureData == nil ? 1 : 2
        var totalBytes: Int64 = 0
        var courseData = Data()
        while let current = entry {
            entryCount += 1
            if entryCount > limits.maxEntries {
                throw PackError.refused(.limitExceeded, pack: name, PackText.tooManyEntries(limits.maxEntries))
            }
            guard let path = current.path else {
                throw PackError.refused(.unsafePath, pack: name, PackText.entryNameNotUTF8)
            }
            // The type first: a directory's name ends in '/', and a link is refused for what it is.
            guard current.type == .regular else {
                throw PackError.refused(
                    .forbiddenEntryType, pack: name, PackText.entryNotRegular(path, current.type.name))
            }
            if let problem = PackPath.problem(path) {
                throw PackError.refused(.unsafePath, pack: name, PackText.entryUnsafe(path, problem))
            }
            // Paths are compared as bytes, as the file system does: Swift's String equality
            // would take two spellings of 'ệ' for one name.
            guard let position = index[Data(path.utf8)], !seen[position] else {
                let why = index[Data(path.utf8)] == nil ? PackText.entryNotListed(path) : PackText.entryTwice(path)
                throw PackError.refused(.unexpectedEntry, pack: name, why)
            }
            seen[position] = true
            let record = manifest.files[position]
            totalBytes += max(current.size, 0)
            if totalBytes > limits.maxTotalBytes {
                throw PackError.refused(
                    .limitExceeded, pack: name, PackText.expandsTooMuch(limits.maxTotalBytes, path, current.size))
            }
            guard current.size == record.size else {
                throw PackError.refused(
                    .sizeMismatch, pack: name, PackText.sizeDiffers(path, current.size, record.size))
            }
            let isCourse = position == 0
            var count: Int64 = 0
            var hasher = SHA256()
            try sink?.begin(path: path, size: record.size)
            try reader.readData { chunk in
                count += Int64(chunk.count)
                guard count <= record.size else {
                    throw PackError.refused(.sizeMismatch, pack: name, PackText.moreDataThanHeader(path))
                }
                hasher.update(bufferPointer: chunk)
                if isCourse { courseData.append(contentsOf: chunk) }
                try sink?.write(chunk)
            }
            guard count == record.size else {
                throw PackError.refused(.corruptStream, pack: name, PackText.endsEarly(path, count, record.size))
            }
            guard hasher.finalize().hexString == record.sha256 else {
                throw PackError.refused(.hashMismatch, pack: name, PackText.hashDiffers(path))
            }
            try sink?.end()
            entry = try reader.nextEntry()
        }
        if let missing = seen.firstIndex(of: false) {
            throw PackError.refused(.missingEntry, pack: name, PackText.missingEntry(manifest.files[missing].path))
        }

        // 4. The course itself, which must be the one the manifest names.
        guard let course = try? CourseJSON.decode(courseData) else {
            throw PackError.refused(.badCourse, pack: name, PackText.courseUnreadable)
        }
        guard course.id == manifest.course.id, course.version == manifest.course.version else {
            throw PackError.refused(
                .badCourse, pack: name,
                PackText.courseDiffers(
                    course.id, course.version, manifest: manifest.course.id, manifest.course.version))
        }
        return PackContents(
            manifest: manifest, manifestData: manifestData, signatureData: signatureData, signer: signer,
            isTrusted: isTrusted, course: course)
    }

    private func readSmall(_ reader: ArchiveReader, entry: ArchiveEntry, name: String) throws -> Data {
        guard entry.size <= PackFormat.maxMetadataBytes else {
            throw PackError.refused(
                .limitExceeded, pack: name, PackText.metadataTooLarge(entry.path ?? "?", entry.size))
        }
        return try reader.readAll(limit: PackFormat.maxMetadataBytes)
    }
}

/// Where a pack's bytes come from: a file, or bytes already in memory (a download being
/// checked, a test, a fuzzer's input).
public enum PackSource: Sendable {
    /// The pack file at this URL.
    case file(URL)
    /// The pack's bytes; `name` is what messages call it.
    case bytes(Data, name: String)

    /// What messages call the pack.
    public var name: String {
        switch self {
        case .file(let url): url.path
        case .bytes(_, let name): name
        }
    }

    func openArchive() throws -> ArchiveReader {
        switch self {
        case .file(let url): try ArchiveReader(path: url.path)
        case .bytes(let data, let name): try ArchiveReader(bytes: data, name: name)
        }
    }
}
