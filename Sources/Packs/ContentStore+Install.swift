import CWriteback
import CourseModel
import Foundation

extension ContentStore {
    /// Verifies `pack` and installs it, replacing an older version of the same course atomically.
    ///
    /// One streaming pass: the manifest and signature are checked before any data is written;
    /// every entry is then checked and written into `staging/` inside the store, never anywhere
    /// else. Only a pack that passed every check is renamed into `versions/` and swapped in by
    /// renaming a new `courses/<id>` link over the old one; then the old version is removed. A
    /// failure (or a kill) at any point leaves the previous version installed and usable; the
    /// next install clears whatever an interrupted one left.
    @discardableResult
    public func install(pack: URL, policy: InstallPolicy = InstallPolicy()) throws -> InstalledPack {
        for directory in [root, coursesDirectory, versionsDirectory, stagingDirectory] {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw PackError(.io, directory.path, "cannot create store folder '\(directory.path)'")
            }
        }
        let lock = try StoreLock(path: root.appendingPathComponent(".lock").path)
        defer { lock.release() }
        clearLeftovers()

        let token = Self.token()
        let staging = stagingDirectory.appendingPathComponent(token)
        try Posix.makeDirectory(staging.path)
        var placed: URL?
        do {
            let sink = StagingSink(root: staging.path)
            let reader = PackReader(
                trustedKeys: policy.trustedKeys, requireSignature: policy.requireSignature,
                limits: PackLimits(maxEntries: policy.maxEntries, maxTotalBytes: policy.maxTotalBytes),
                decodesWhole: false)
            let contents = try reader.read(pack: pack, sink: sink) { manifest in
                try checkVersion(manifest, pack: pack.path, policy: policy)
                try checkSpace(manifest, pack: pack.path, policy: policy)
            }
            try Posix.writeFile(staging.appendingPathComponent(PackFormat.manifestPath).path, contents.manifestData)
            if let signature = contents.signatureData {
                try Posix.writeFile(staging.appendingPathComponent(PackFormat.signaturePath).path, signature)
            }
            // Files were flushed as they were written; flush the folders too, so what is swapped
            // in after a power cut is complete.
            sink.flushDirectories()
            Posix.fsyncPath(staging.path)
            try faultInjection?(.staged)

            let id = contents.essentials.course.id
            let version = versionsDirectory.appendingPathComponent(
                "\(id)@\(contents.essentials.course.version).\(token)")
            try Posix.rename(staging.path, version.path)
            placed = version
            try faultInjection?(.placed)

            let link = self.link(for: id)
            let previous = Posix.readLink(link.path)
            let newLink = coursesDirectory.appendingPathComponent(".\(id).\(token).link")
            if symlink("../versions/\(version.lastPathComponent)", newLink.path) != 0 {
                throw PackError.io(newLink.path, "create link", errno: errno)
            }
            do {
                try Posix.rename(newLink.path, link.path)  // the atomic swap
            } catch {
                unlink(newLink.path)
                throw error
            }
            placed = nil
            Posix.fsyncPath(coursesDirectory.path)
            try faultInjection?(.swapped)

            if let previous, let old = previousVersion(previous), old.path != version.path {
                Posix.removeTree(old.path)
            }
            return InstalledPack(
                id: id, version: contents.essentials.course.version, title: contents.essentials.course.title,
                directory: link, signer: contents.signer?.base64)
        } catch {
            Posix.removeTree(staging.path)
            if let placed { Posix.removeTree(placed.path) }
            throw error
        }
    }

    private func checkVersion(_ manifest: PackManifest.Essentials, pack: String, policy: InstallPolicy) throws {
        guard let current = installedCourse(id: manifest.course.id), !policy.allowDowngrade else { return }
        if manifest.course.version < current.version {
            throw PackError(
                .downgrade, pack,
                "pack '\(pack)' refused: it holds version \(manifest.course.version) of '\(manifest.course.id)' but version \(current.version) is installed; downgrades are not allowed"
            )
        }
    }

    private func checkSpace(_ manifest: PackManifest.Essentials, pack: String, policy: InstallPolicy) throws {
        let free = try Posix.freeBytes(at: root.path)
        let needed = manifest.totalBytes + 64 * 1024
        if free - needed < policy.reserveBytes {
            throw PackError(
                .insufficientSpace, pack,
                "pack '\(pack)' refused: installing it needs \(megabytes(needed)) and would leave \(megabytes(max(free - needed, 0))) free on '\(root.path)', less than the reserve of \(megabytes(policy.reserveBytes))"
            )
        }
    }

    private func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    /// The version folder a link target names, if it is one of ours.
    private func previousVersion(_ target: String) -> URL? {
        let name = (target as NSString).lastPathComponent
        guard target == "../versions/\(name)", !name.hasPrefix(".") else { return nil }
        return versionsDirectory.appendingPathComponent(name)
    }

    /// Removes what an interrupted install left: staging folders, half-made links, and version
    /// folders no course link points at. Runs under the store lock.
    private func clearLeftovers() {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: stagingDirectory.path)) ?? [] {
            Posix.removeTree(stagingDirectory.appendingPathComponent(name).path)
        }
        var linked = Set<String>()
        for name in (try? fm.contentsOfDirectory(atPath: coursesDirectory.path)) ?? [] {
            let path = coursesDirectory.appendingPathComponent(name).path
            if name.hasPrefix(".") {
                unlink(path)
            } else if let target = Posix.readLink(path) {
                linked.insert((target as NSString).lastPathComponent)
            }
        }
        for name in (try? fm.contentsOfDirectory(atPath: versionsDirectory.path)) ?? [] where !linked.contains(name) {
            Posix.removeTree(versionsDirectory.appendingPathComponent(name).path)
        }
    }

    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() & 0xFFFF_FFFF_FFFF, radix: 36)
    }
}

/// Writes verified entries under a staging folder, creating subfolders as needed.
///
/// Paths reach it already checked (relative, no `..`, listed in the manifest), the folder is
/// fresh and only ever gets plain folders and files from us, and files are opened with
/// `O_NOFOLLOW | O_EXCL`: nothing can be written outside it.
///
/// Every `writebackBytes` of a file, the kernel is asked to start writing them to disk
/// (`sync_file_range`), so the disk works while the rest is still being decompressed and the
/// `fsync` that makes the file durable waits only for the tail (it was ~8 ms of a 6.5 MB course).
final class StagingSink: PackEntrySink {
    private let root: String
    private var fd: Int32 = -1
    private var path = ""
    private var directories: Set<String> = []
    /// Bytes of the current file written, and how many of them the disk was asked to write.
    private var written: Int64 = 0
    private var writebackStarted: Int64 = 0
    private static let writebackBytes: Int64 = 1 << 20

    init(root: String) { self.root = root }

    deinit { if fd >= 0 { close(fd) } }

    func begin(path: String, size: Int64) throws {
        var directory = root
        for component in path.split(separator: "/").dropLast() {
            directory += "/" + component
            if directories.insert(directory).inserted { try Posix.makeDirectory(directory) }
        }
        self.path = root + "/" + path
        fd = open(self.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PackError.io(self.path, "create", errno: errno) }
        written = 0
        writebackStarted = 0
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws {
        try Posix.writeAll(fd, chunk, path: path)
        written += Int64(chunk.count)
        if written - writebackStarted >= Self.writebackBytes {
            // Only a head start: a failure here changes nothing, the fsync in `end` still decides.
            _ = hocso_start_writeback(fd, writebackStarted, written - writebackStarted)
            writebackStarted = written
        }
    }

    func end() throws {
        _ = fsync(fd)
        let status = close(fd)
        fd = -1
        if status != 0 { throw PackError.io(path, "close", errno: errno) }
    }
}

extension StagingSink {
    /// Flushes every folder the sink created.
    func flushDirectories() {
        for directory in directories { Posix.fsyncPath(directory) }
    }
}

/// An exclusive lock on the store, so two installs never interleave.
final class StoreLock {
    private let fd: Int32

    init(path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PackError.io(path, "open the store lock", errno: errno) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                throw PackError.io(path, "lock", errno: errno)
            }
        }
    }

    func release() {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }
}
