import CJSONScan
import Foundation

/// The id and version a `course.json` states, read without decoding the course.
///
/// Install needs only these two to tie `course.json` to the manifest (its hash already ties its
/// bytes to it), and parsing the whole document was most of the install time. So the entry's
/// chunks are fed through this scanner as they stream by: it follows the JSON structure (strings,
/// escapes, nesting; below the top level in 64-byte steps, `CJSONScan`) without building
/// anything, keeps the raw values of the top-level `id` and `version` keys, and checks the
/// document is one balanced object. Memory stays flat whatever the course's size.
struct CourseIdentityScanner {
    /// What the scanner found: `nil` until a well-formed object with both keys has been fed.
    struct Identity: Decodable, Equatable {
        var id: String
        var version: Int
    }

    private var depth = 0
    private var inString = false
    private var escaped = false
    private var started = false
    private var ended = false
    private var broken = false
    /// At depth 1: whether the next string is a key (after `{` or `,`) rather than a value.
    private var expectingKey = false
    private var key: [UInt8] = []
    private var capturingKey = false
    /// The raw bytes of the value being captured (for `id` or `version`), and for which key.
    private var capture: [UInt8] = []
    private var captureKey: String?
    private var values: [String: [UInt8]] = [:]

    /// Longest raw value kept: ids are at most 80 characters and versions are small numbers.
    private static let maxValueBytes = 1024

    /// Feeds the next bytes of the document.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard !broken, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = bytes.count
        var index = 0
        while index < count {
            // Below the top level nothing is kept: only strings and nesting matter there, and
            // CJSONScan follows them 64 bytes at a time (most of a course is down there).
            if depth >= 2 && captureKey == nil {
                var state = hocso_json_state(
                    depth: Int64(depth), in_string: inString ? 1 : 0, escaped: escaped ? 1 : 0, broken: 0)
                index += hocso_json_skip_nested(base + index, count - index, &state)
                depth = Int(state.depth)
                inString = state.in_string != 0
                escaped = state.escaped != 0
                if state.broken != 0 {
                    broken = true
                    return
                }
                continue
            }
            let byte = base[index]
            index += 1
            if ended {
                if !JSONBytes.isSpace(byte) {
                    broken = true
                    return
                }
                continue
            }
            step(byte)
            if broken { return }
        }
    }

    private mutating func step(_ byte: UInt8) {
        if captureKey != nil {
            if capture.count >= Self.maxValueBytes {
                broken = true
                return
            }
            capture.append(byte)
        }
        if inString {
            if capturingKey && !(byte == UInt8(ascii: "\"") && !escaped) { key.append(byte) }
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                capturingKey = false
            } else if byte < 0x20 {
                broken = true
            }
            return
        }
        switch byte {
        case UInt8(ascii: "\""):
            inString = true
            if depth == 1 && expectingKey {
                key.removeAll(keepingCapacity: true)
                capturingKey = true
                expectingKey = false
            }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if depth == 0 {
                guard !started, byte == UInt8(ascii: "{") else {
                    broken = true
                    return
                }
                started = true
                expectingKey = true
            }
            depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            if depth == 1 { finishValue(dropping: 1) }
            depth -= 1
            if depth < 0 { broken = true }
            if depth == 0 { ended = true }
        case UInt8(ascii: ":"):
            if depth == 1 {
                let name = String(decoding: key, as: UTF8.self)
                if name == "id" || name == "version" {
                    captureKey = name
                    capture.removeAll(keepingCapacity: true)
                }
            }
        case UInt8(ascii: ","):
            if depth == 1 {
                finishValue(dropping: 1)
                expectingKey = true
            }
        default:
            if depth == 0 && !JSONBytes.isSpace(byte) { broken = true }
        }
    }

    /// Ends the captured value at the `,` or `}` just appended to it.
    private mutating func finishValue(dropping count: Int) {
        guard let name = captureKey else { return }
        values[name] = Array(capture.dropLast(count))
        captureKey = nil
    }

    /// The identity, once the whole document has been fed; `nil` if it is not a balanced object
    /// with a string `id` and an integer `version`.
    func identity() -> Identity? {
        guard started, ended, !broken, !inString, let id = values["id"], let version = values["version"] else {
            return nil
        }
        let document = Data("{\"id\":".utf8) + Data(id) + Data(",\"version\":".utf8) + Data(version) + Data("}".utf8)
        return try? JSONDecoder().decode(Identity.self, from: document)
    }
}
