import CourseModel
import Foundation

extension ContentStore {
    /// Verifies the pack file at `pack` and installs it (see `install(_:policy:)`).
    @discardableResult
    public func install(pack: URL, policy: InstallPolicy = InstallPolicy()) throws -> InstalledPack {
        try install(.file(pack), policy: policy)
    }

    /// Verifies a pack and installs it, replacing an older version of the same course atomically.
    ///
    /// The pack is read by the same code as `PackVerifier`, under the store's trust list (see
    /// `trustPolicy(allowUntrusted:)`), so install refuses exactly what verify refuses.
    /// One streaming pass: the manifest and signature are checked before any data is written;
    /// every entry is then checked and written into `staging/` inside the store, never anywhere
    /// else. Only a pack that passed every check is renamed into `versions/` and swapped in by
    /// renaming a new `courses/<id>` link over the old one; then the old version is removed. A
    /// failure (or a kill) at any point leaves the previous version installed and usable; the
    /// next install clears whatever an interrupted one left.
    @discardableResult
    public func install(_ source: PackSource, policy: InstallPolicy = InstallPolicy()) throws -> InstalledPack {
        let pack = source.name
        for directory in [root, coursesDirectory, versionsDirectory, stagingDirectory] {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw PackError.io(directory.path, .createFolder, errno: Self.errnoOf(error))
            }
        }
        let lock = try StoreLock(path: root.appendingPathComponent(".lock").path)
        defer { lock.release() }
        clearLeftovers()
        let trust = try trustPolicy(allowUntrusted: policy.allowUntrusted)

        let token = Self.token()
        let staging = stagingDirectory.appendingPathComponent(token)
        try Posix.makeDirectory(staging.path)
        var placed: URL?
        do {
            let sink = StagingSink(root: staging.path)
            let reader = PackReader(trust: trust, limits: policy.limits)
            let contents = try reader.read(source, sink: sink) { manifest in
                try checkVersion(manifest, pack: pack, policy: policy)
                try checkSpace(manifest, pack: pack, policy: policy)
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

            let id = contents.manifest.course.id
            let version = versionsDirectory.appendingPathComponent(
                "\(id)@\(contents.manifest.course.version).\(token)")
            try Posix.rename(staging.path, version.path)
            placed = version
            try faultInjection?(.placed)

            let link = self.link(for: id)
            let previous = Posix.readLink(link.path)
            let newLink = coursesDirectory.appendingPathComponent(".\(id).\(token).link")
            if symlink("../versions/\(version.lastPathComponent)", newLink.path) != 0 {
                throw PackError.io(newLink.path, .createLink, errno: errno)
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
            updateSearchIndexAfterInstall(contents.course)
            return InstalledPack(
                id: id, version: contents.manifest.course.version, title: contents.manifest.course.title,
                directory: link, signer: contents.signer?.base64, isTrusted: contents.isTrusted)
        } catch {
            Posix.removeTree(staging.path)
            if let placed { Posix.removeTree(placed.path) }
            throw error
        }
    }

    private func checkVersion(_ manifest: PackManifest, pack: String, policy: InstallPolicy) throws {
        guard let current = installedCourse(id: manifest.course.id), !policy.allowDowngrade else { return }
        if manifest.course.version < current.version {
            throw PackError.refused(
                .downgrade, pack: pack,
                StoreText.downgrade(manifest.course.id, pack: manifest.course.version, installed: current.version))
        }
    }

    private func checkSpace(_ manifest: PackManifest, pack: String, policy: InstallPolicy) throws {
        let free = try Posix.freeBytes(at: root.path)
        let needed = manifest.totalBytes + 64 * 1024
        if free - needed < policy.reserveBytes {
            throw PackError.refused(
                .insufficientSpace, pack: pack,
                StoreText.noSpace(
                    needed: needed, left: max(free - needed, 0), at: root.path, reserve: policy.reserveBytes))
        }
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

    /// The system error behind a Foundation file error, else EIO.
    static func errnoOf(_ error: any Error) -> Int32 {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return Int32(underlying.code)
        }
        return nsError.domain == NSPOSIXErrorDomain ? Int32(nsError.code) : EIO
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
/// `O_NOFOLLOW | O_EXCL`: nothing can be written outside it. Each file is flushed to disk as it
/// ends, since commune centres have power cuts.
final class StagingSink: PackEntrySink {
    private let root: String
    private var fd: Int32 = -1
    private var path = ""
    private var directories: Set<String> = []

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
        guard fd >= 0 else { throw PackError.io(self.path, .create, errno: errno) }
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws {
        try Posix.writeAll(fd, chunk, path: path)
    }

    func end() throws {
        let synced = fsync(fd) == 0 ? 0 : errno
        let status = close(fd)
        fd = -1
        // A failed fsync means the data may not be on disk: the install must not go on.
        if synced != 0 { throw PackError.io(path, .write, errno: synced) }
        if status != 0 { throw PackError.io(path, .close, errno: errno) }
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
        guard fd >= 0 else { throw PackError.io(path, .open, errno: errno) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                throw PackError.io(path, .lock, errno: errno)
            }
        }
    }

    func release() {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }
}
