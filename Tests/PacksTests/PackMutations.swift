import ArchiveIO
import Crypto
import Foundation
import QuizEngine

@testable import Packs

/// Hostile variations of a good pack, drawn from a seeded generator: JSON edge cases in the
/// manifest or course.json (escapes, lone surrogates, deep nesting, duplicate keys, huge
/// numbers, broken syntax), tar edge cases (types, names, order, sizes, formats) and damaged
/// bytes (flips, truncation, trailing junk).
struct PackMutator {
    var random: SplitMix64

    /// Raw JSON put in place of a value: each is a known trap for a JSON reader.
    static let valueTraps: [String] = [
        "1e400", "-1e400", "99999999999999999999999", "-9223372036854775809", "9223372036854775807", "1.0", "2.5",
        "-0", "0", "1E0", "01", "+1", "NaN", "Infinity", "0x10", ".5", "1.", "-",
        #""\ud800""#, #""\udc00x""#, #""x\ud800\ud800""#, #""\ud83d\ude00""#, #""\u0000""#, #""a\/b""#,
        #""\x41""#, #""\u12""#, #""\u00e9\u0301""#, #""n\u0068an-dien-lua-dao""#, #""\"""#, #""\\""#, #""""#,
        "\"tab\there\"", "\"a\u{01}b\"", "\"line\nbreak\"", "\"Nhe\u{0302}\u{0323}n\"",
        "[]", "{}", "null", "true", "false", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{,}", "[", "{",
        String(repeating: "[", count: 10) + String(repeating: "]", count: 10),
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        String(repeating: "{\"a\":", count: 2000) + "1" + String(repeating: "}", count: 2000),
        String(repeating: "[", count: 5000),
        "\"" + String(repeating: "đ", count: 50_000) + "\"",
    ]

    /// Raw bytes that are not UTF-8 at all, put inside a string.
    static let byteTraps: [[UInt8]] = [
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x00], [0xF8, 0x88],
    ]

    init(seed: UInt64) { random = SplitMix64(state: seed) }

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    // MARK: JSON

    /// `document` (valid JSON) with one trap placed at a random spot of its tree, or damaged as a
    /// whole document.
    mutating func mutateJSON(_ document: Data) throws -> Data {
        switch int(0..<10) {
        case 0: return wholeDocument(document)
        case 1: return try duplicateKey(document)
        case 2: return rawBytesInString(document)
        default: return try trapInTree(document)
        }
    }

    private mutating func wholeDocument(_ document: Data) -> Data {
        switch int(0..<7) {
        case 0: return document.prefix(int(0..<max(document.count, 1)))
        case 1: return Data([0xEF, 0xBB, 0xBF]) + document
        case 2: return document + Data(pick([" x", "}", "{}", "\u{0}", " ", "\n\n"]).utf8)
        case 3: return Data("[".utf8) + document + Data("]".utf8)
        case 4: return Data()
        case 5: return Data("  \n\t".utf8) + document + Data(" \r\n".utf8)
        default:
            // A different copy of the same document's first key: JSON objects allow it, readers differ.
            return Data("{\"format\":2,".utf8) + document.dropFirst()
        }
    }

    /// A trap value (or a new member holding one) at a random place of the tree.
    private mutating func trapInTree(_ document: Data) throws -> Data {
        var tree = try JSONSerialization.jsonObject(with: document, options: [.fragmentsAllowed])
        var paths: [[PathStep]] = []
        Self.collect(tree, at: [], into: &paths)
        guard !paths.isEmpty else { return document }
        let path = pick(paths)
        let placeholder = "@@TRAP\(int(0..<1_000_000))@@"
        if chance(25) {
            // A new member in an object on the path (or at the top).
            var objectPath: [PathStep] = []
            for length in stride(from: path.count, through: 0, by: -1)
            where Self.value(in: tree, at: Array(path.prefix(length))) is [String: Any] {
                objectPath = Array(path.prefix(length))
                break
            }
            let key = pick(["id", "version", "files", "lessons", "x", "\u{1F600}", ""])
            tree = Self.setting(tree, at: objectPath + [.key(key)], to: placeholder)
        } else {
            tree = Self.setting(tree, at: path, to: placeholder)
        }
        let text = try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys, .fragmentsAllowed])
        let trap = pick(Self.valueTraps)
        let replaced = String(decoding: text, as: UTF8.self).replacingOccurrences(
            of: "\"\(placeholder)\"", with: trap)
        return Data(replaced.utf8)
    }

    /// A key repeated in one object, with another value: `{"id":"a",…,"id":"b"}`.
    private mutating func duplicateKey(_ document: Data) throws -> Data {
        var text = String(decoding: document, as: UTF8.self)
        let keys = ["\"id\":", "\"version\":", "\"path\":", "\"size\":", "\"sha256\":", "\"format\":", "\"title\":"]
        let key = pick(keys)
        guard let range = text.range(of: key) else { return document }
        let value = pick(["\"khac\"", "3", "0", "null", "[]", "\"course.json\"", "\"nhan-dien-lua-dao\""])
        // Placed right after the key's own value would be hard to find; placed before it keeps the
        // object well-formed: `"id":V2,"id":V1`.
        text.insert(contentsOf: key + value + ",", at: range.lowerBound)
        return Data(text.utf8)
    }

    /// Bytes that are not UTF-8 (or a raw NUL) inside a random string.
    private mutating func rawBytesInString(_ document: Data) -> Data {
        let quotes = document.indices.filter { document[$0] == UInt8(ascii: "\"") }
        guard let quote = quotes.isEmpty ? nil : pick(quotes) else { return document }
        var bytes = Array(document)
        bytes.insert(contentsOf: pick(Self.byteTraps), at: quote + 1)
        return Data(bytes)
    }

    enum PathStep {
        case key(String)
        case index(Int)
    }

    private static func collect(_ value: Any, at path: [PathStep], into paths: inout [[PathStep]]) {
        paths.append(path)
        if let object = value as? [String: Any] {
            for (key, child) in object { collect(child, at: path + [.key(key)], into: &paths) }
        } else if let array = value as? [Any] {
            for (index, child) in array.enumerated() { collect(child, at: path + [.index(index)], into: &paths) }
        }
    }

    private static func value(in tree: Any, at path: [PathStep]) -> Any? {
        var current: Any? = tree
        for step in path {
            switch step {
            case .key(let key): current = (current as? [String: Any])?[key]
            case .index(let index):
                guard let array = current as? [Any], array.indices.contains(index) else { return nil }
                current = array[index]
            }
        }
        return current
    }

    private static func setting(_ tree: Any, at path: [PathStep], to newValue: Any) -> Any {
        guard let step = path.first else { return newValue }
        let rest = Array(path.dropFirst())
        switch step {
        case .key(let key):
            var object = tree as? [String: Any] ?? [:]
            object[key] = setting(object[key] ?? NSNull(), at: rest, to: newValue)
            return object
        case .index(let index):
            var array = tree as? [Any] ?? []
            guard array.indices.contains(index) else { return array }
            array[index] = setting(array[index], at: rest, to: newValue)
            return array
        }
    }

    // MARK: Tar

    /// `pack` with one change to its entries: names, types, order, sizes, listings.
    mutating func mutateEntries(_ pack: inout RawPack) throws {
        let count = pack.entries.count
        let at = int(0..<count)
        switch int(0..<14) {
        case 0: pack.entries.swapAt(at, int(0..<count))
        case 1: pack.entries.remove(at: at)
        case 2: pack.entries.insert(pack.entries[at], at: int(0..<count))
        case 3: pack.entries[at].header.path = pick(Self.nameTraps)
        case 4: pack.entries[at].header.path = (pack.entries[at].header.path ?? "") + pick(["/", "/.", "\u{0}x", " "])
        case 5:
            pack.entries[at].header.type = pick([
                .directory, .symlink(target: "../../etc"), .hardlink(target: "course.json"), .fifo,
                .characterDevice, .blockDevice, .symlink(target: "course.json"),
            ])
        case 6: pack.entries[at].header.size = max(0, pack.entries[at].header.size + pick([-1, 1, 4096, -100]))
        case 7:
            // A file and a folder of the same name, both listed so only the clash is wrong.
            try? pack.list(["assets/images/logo.png/x"], size: 0)
            pack.add("assets/images/logo.png/x", Data())
        case 8:
            let name = pick(Self.nameTraps)
            try? pack.list([name], size: 1)
            pack.add(name, Data([0]))
        case 9: pack.entries[at].header.mode = pick([0o4755, 0o777, 0, 0o2644])
        case 10: pack.entries[at].header.modificationTime = pick([-1, Int64(Int32.max) * 4, 0])
        case 11:
            // The same name in another Unicode form than the manifest lists: a different file.
            if let index = pack.entries.firstIndex(where: { $0.header.path?.contains("ả") == true }) {
                pack.entries[index].header.path = pack.entries[index].header.path?.decomposedStringWithCanonicalMapping
            }
        case 12: pack.entries.append(pack.entries[at])
        default: pack.entries[at].data = pack.entries[at].data.prefix(int(0..<max(pack.entries[at].data.count, 1)))
        }
    }

    static let nameTraps: [String] = [
        "../x", "/etc/x", "assets/../../x", "assets/./x", "assets//x", "assets/x\\y", "assets/\u{1B}[31mred",
        "assets/" + String(repeating: "a", count: 256), "assets/" + String(repeating: "b/", count: 600) + "c", "",
        ".", "assets", "assets/", "manifest.json", "manifest.sig", "assets/\u{202E}gnp.exe", "course.json/x",
        "assets/x\u{7F}", "assets/ảnh-cuộc-gọi.png", "COURSE.JSON",
    ]

    /// How the archive is written: compressed or not, and the tar flavour.
    mutating func archiveStyle() -> (compressed: Bool, format: ArchiveWriter.Format) {
        (chance(80), pick([.paxRestricted, .paxRestricted, .ustar, .gnutar]))
    }

    // MARK: Bytes

    /// The finished file damaged: bytes flipped, cut short, junk after the end.
    mutating func damage(_ file: Data) -> Data {
        var bytes = file
        switch int(0..<4) {
        case 0:
            for _ in 0..<(1 + int(0..<3)) { bytes[int(0..<bytes.count)] ^= UInt8(1 + int(0..<255)) }
        case 1: bytes = bytes.prefix(int(0..<bytes.count))
        case 2: bytes += Data((0..<(1 + int(0..<600))).map { _ in UInt8(int(0..<256)) })
        default: bytes.replaceSubrange(int(0..<bytes.count)..., with: Data(count: int(0..<64)))
        }
        return bytes
    }
}

extension RawPack {
    /// The entries written as tar (+ zstd), the way `style` says, into memory.
    func archive(compressed: Bool, format: ArchiveWriter.Format, at url: URL) throws -> Data {
        let writer = try ArchiveWriter(
            path: url.path, format: format, compression: compressed ? .zstd(level: 1) : .none)
        for (header, data) in entries {
            try writer.beginEntry(header)
            if header.type == .regular { try writer.write(data) }
            try writer.finishEntry()
        }
        try writer.close()
        return try Data(contentsOf: url)
    }

    /// Replaces course.json and fixes its manifest record, so the new bytes reach the course decoder.
    mutating func replaceCourseData(_ data: Data) throws {
        replace(PackFormat.coursePath, with: data)
        let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        try editManifest { $0.files[0] = .init(path: PackFormat.coursePath, size: Int64(data.count), sha256: hash) }
    }

    /// Signs the current manifest bytes with `key` (replacing or adding manifest.sig).
    mutating func resign(with key: SigningKey) throws {
        let manifest = data(PackFormat.manifestPath) ?? Data()
        let signature = try PackJSON.encode(PackSignature(signing: manifest, with: key))
        if data(PackFormat.signaturePath) != nil {
            replace(PackFormat.signaturePath, with: signature)
        } else {
            entries.insert(
                (ArchiveEntry(path: PackFormat.signaturePath, size: Int64(signature.count)), signature),
                at: min(1, entries.count))
        }
    }
}
