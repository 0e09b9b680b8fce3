import CJSONScan
import Foundation

/// Checks that a manifest's lesson outline (and `builtBy`) has the shape `PackManifest` decodes,
/// without decoding it.
///
/// Install needs the outline only to be well-formed: the store reads it back when it lists
/// courses, and a pack whose outline does not decode must be refused before anything is written.
/// Decoding its thousands of ids with `JSONDecoder` took ~10 ms of CPU for 1,000 lessons, and on
/// a 2-core centre PC that competed with decompression for the second core (installing the
/// `tools/bench-packs` course: 42.7 → 35.1 ms mean without it, hyperfine). This walks the bytes
/// once instead.
///
/// It runs only on a document `JSONDecoder` has already accepted (the manifest's essentials are
/// decoded from the same bytes first), so it checks types, not JSON syntax; on anything it does not
/// expect it reports a problem rather than guessing. Like `JSONDecoder`, it ignores unknown keys.
/// A test holds its verdict to `JSONDecoder`'s on thousands of altered manifests.
enum ManifestOutline {
    /// Why `manifest` (a JSON document) would not decode as a `PackManifest` where its essentials
    /// did, or `nil` if it would.
    static func problem(in manifest: Data) -> String? {
        manifest.withUnsafeBytes { raw in
            var walker = OutlineWalker(bytes: raw.bindMemory(to: UInt8.self))
            return walker.manifestProblem()
        }
    }
}

/// A cursor over the bytes of a well-formed JSON document that checks the manifest's shape.
private struct OutlineWalker {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    private static let lessonKeys = ["id", "title", "steps", "questions"]

    mutating func manifestProblem() -> String? {
        guard consume("{") else { return "is not a JSON object" }
        var sawLessons = false
        var sawBuiltBy = false
        if consume("}") { return "has no lesson outline" }
        repeat {
            guard let key = key() else { return "is not a well-formed object" }
            switch key {
            case "lessons":
                if let problem = lessonsProblem() { return problem }
                sawLessons = true
            case "builtBy":
                guard string() else { return "gives a builtBy that is not a string" }
                sawBuiltBy = true
            default:
                guard skipValue() else { return "is not a well-formed object" }
            }
        } while consume(",")
        guard consume("}") else { return "is not a well-formed object" }
        if !sawLessons { return "has no lesson outline" }
        if !sawBuiltBy { return "does not say what built it (builtBy)" }
        return nil
    }

    /// The `lessons` value: an array of objects, each with string `id` and `title` and arrays of
    /// strings `steps` and `questions`.
    private mutating func lessonsProblem() -> String? {
        guard consume("[") else { return "gives a lesson outline that is not a list" }
        if consume("]") { return nil }
        var number = 0
        repeat {
            number += 1
            guard consume("{") else { return "gives lesson \(number) of its outline as something other than an object" }
            var seen: [String] = []
            if !consume("}") {
                repeat {
                    guard let key = key() else { return "has a malformed lesson \(number) in its outline" }
                    let valid: Bool
                    switch key {
                    case "id", "title": valid = string()
                    case "steps", "questions": valid = stringList()
                    default: valid = skipValue()
                    }
                    guard valid else { return "gives lesson \(number) of its outline a malformed '\(key)'" }
                    if !seen.contains(key) { seen.append(key) }
                } while consume(",")
                guard consume("}") else { return "has a malformed lesson \(number) in its outline" }
            }
            if let missing = Self.lessonKeys.first(where: { !seen.contains($0) }) {
                return "gives lesson \(number) of its outline no '\(missing)'"
            }
        } while consume(",")
        guard consume("]") else { return "has a malformed lesson outline" }
        return nil
    }

    /// An array whose elements are all strings.
    private mutating func stringList() -> Bool {
        guard consume("[") else { return false }
        if consume("]") { return true }
        repeat {
            guard string() else { return false }
        } while consume(",")
        return consume("]")
    }

    /// An object key and its colon; keys with escapes are unescaped by `JSONDecoder` itself.
    private mutating func key() -> String? {
        guard let range = stringRange(), consume(":") else { return nil }
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        guard raw.contains(Self.backslash) else { return String(decoding: raw, as: UTF8.self) }
        // The key with its quotes, as a JSON document of its own.
        let quoted = Data(UnsafeBufferPointer(rebasing: bytes[(range.lowerBound - 1)...range.upperBound]))
        return try? JSONDecoder().decode(String.self, from: quoted)
    }

    /// A string value.
    private mutating func string() -> Bool { stringRange() != nil }

    /// Steps over a string at the cursor; its contents' range without the quotes.
    private mutating func stringRange() -> Range<Int>? {
        skipSpace()
        guard index < bytes.count, bytes[index] == Self.quote else { return nil }
        index += 1
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case Self.backslash: index += 2
            case Self.quote:
                index += 1
                return start..<(index - 1)
            default: index += 1
            }
        }
        return nil
    }

    /// Steps over any value: a string, a number or literal, or a whole object or array.
    private mutating func skipValue() -> Bool {
        skipSpace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case Self.quote: return string()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // CJSONScan follows strings and brackets until this value's closing bracket: its
            // depth counts from 2 inside the value, and it stops as the depth falls below 2.
            index += 1
            guard let base = bytes.baseAddress else { return false }
            var state = hocso_json_state(depth: 2, in_string: 0, escaped: 0, broken: 0)
            index += hocso_json_skip_nested(base + index, bytes.count - index, &state)
            return state.broken == 0 && state.depth == 1
        default:
            let start = index
            while index < bytes.count, !Self.endsScalar(bytes[index]) { index += 1 }
            return index > start
        }
    }

    /// Steps over spaces, then over `character` if it is next; whether it was.
    private mutating func consume(_ character: Unicode.Scalar) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < bytes.count, JSONBytes.isSpace(bytes[index]) { index += 1 }
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        JSONBytes.isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
    }
}
