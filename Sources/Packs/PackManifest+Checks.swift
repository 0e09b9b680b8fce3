import CourseModel
import Foundation
import Localization

extension PackManifest {
    /// The manifest `data` holds, decoded whole, if this hocso can read it and it is consistent
    /// within `limits`; else the refusal of `pack` that says why.
    static func checked(_ data: Data, pack: String, limits: PackLimits) throws -> PackManifest {
        // A future format is named as such even when the rest of its manifest no longer decodes
        // as ours: the versions are read alone when the whole does not decode.
        struct Versions: Decodable {
            var format: Int
            var minReader: Int
        }
        let whole = try? PackJSON.decode(PackManifest.self, from: data)
        let versions =
            whole.map { Versions(format: $0.format, minReader: $0.minReader) }
            ?? (try? PackJSON.decode(Versions.self, from: data))
        guard let versions else {
            throw PackError.refused(.badManifest, pack: pack, PackText.manifestNoVersions)
        }
        guard versions.format <= PackFormat.readerVersion, versions.minReader <= PackFormat.readerVersion else {
            throw PackError.refused(
                .unsupportedFormat, pack: pack,
                PackText.unsupportedFormat(
                    format: versions.format, minReader: versions.minReader, reader: PackFormat.readerVersion))
        }
        guard let manifest = whole else {
            throw PackError.refused(.badManifest, pack: pack, PackText.manifestUnreadable)
        }
        if let problem = manifest.problem() {
            throw PackError.refused(.badManifest, pack: pack, problem)
        }
        if manifest.files.count + 2 > limits.maxEntries {
            throw PackError.refused(
                .limitExceeded, pack: pack, PackText.tooManyListed(manifest.files.count, limit: limits.maxEntries))
        }
        // Summed with overflow reported, so sizes near Int64.max cannot wrap round to a small total.
        var total: Int64 = 0
        for file in manifest.files {
            let (sum, overflow) = total.addingReportingOverflow(file.size)
            total = overflow ? .max : sum
        }
        if total > limits.maxTotalBytes {
            throw PackError.refused(
                .limitExceeded, pack: pack, PackText.tooManyBytesListed(total, limit: limits.maxTotalBytes))
        }
        if let course = manifest.files.first, course.size > PackFormat.maxCourseBytes {
            throw PackError.refused(
                .limitExceeded, pack: pack, PackText.courseTooLarge(course.size, limit: PackFormat.maxCourseBytes))
        }
        return manifest
    }

    /// Why the manifest is inconsistent, or `nil`. Paths are compared as bytes, as the file
    /// system compares them.
    private func problem() -> Phrase? {
        guard Identifier.isValid(course.id) else { return PackText.invalidCourseId(course.id) }
        guard course.version > 0 else { return PackText.invalidVersion(course.version) }
        guard files.first?.path == PackFormat.coursePath else { return PackText.courseNotFirst }
        var paths = Set<Data>()
        for file in files {
            if let problem = PackPath.problem(file.path) { return PackText.listsUnsafePath(file.path, problem) }
            guard file.path == PackFormat.coursePath || file.path.hasPrefix(PackFormat.assetsPrefix) else {
                return PackText.listsOutsideAssets(file.path)
            }
            guard paths.insert(Data(file.path.utf8)).inserted else { return PackText.listsTwice(file.path) }
            guard file.sha256.utf8.count == 64, file.sha256.utf8.allSatisfy(Self.isLowerHex) else {
                return PackText.malformedHash(file.path)
            }
            guard file.size >= 0 else { return PackText.negativeSize(file.path) }
        }
        // A listed file may not also be a folder of another listed path ('assets/a' and
        // 'assets/a/b'): extracting both would fail half-way, after verification said yes.
        for file in files {
            var prefix = Data()
            for component in file.path.utf8.split(separator: UInt8(ascii: "/")).dropLast() {
                if !prefix.isEmpty { prefix.append(UInt8(ascii: "/")) }
                prefix.append(contentsOf: component)
                if paths.contains(prefix) {
                    return PackText.listsFileAsFolder(String(decoding: prefix, as: UTF8.self), file.path)
                }
            }
        }
        return nil
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
