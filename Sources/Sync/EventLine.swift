import Foundation
import HubStore

/// One event as one line of NDJSON, the form events travel in (bundles and pushes):
///
/// `{"node":"n-…","seq":7,"kind":"answer.submitted","learner":"LAN24","occurredAt":…,"recordedAt":…,`
/// `"courseId":"…","courseVersion":3,"lessonId":"…","itemId":"…","attempt":1,"payload":"{…}"}`
///
/// Absent fields are left out; `payload` is the centre's stored JSON text as a string, so it
/// arrives byte for byte. Written and read by hand: this is the hot path of a million-event
/// import, and a fixed, flat shape needs no general JSON machinery.
public enum EventLine {
    /// Appends the line for `event` (without the newline) to `out`.
    public static func encode(_ event: HubEvent, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"node":"#.utf8)
        appendString(event.nodeId, to: &out)
        out.append(contentsOf: #","seq":"#.utf8)
        appendInt(event.seq, to: &out)
        out.append(contentsOf: #","kind":"#.utf8)
        appendString(event.kind, to: &out)
        out.append(contentsOf: #","learner":"#.utf8)
        appendString(event.learner, to: &out)
        out.append(contentsOf: #","occurredAt":"#.utf8)
        appendInt(event.occurredAt, to: &out)
        out.append(contentsOf: #","recordedAt":"#.utf8)
        appendInt(event.recordedAt, to: &out)
        if let v = event.courseId {
            out.append(contentsOf: #","courseId":"#.utf8)
            appendString(v, to: &out)
        }
        if let v = event.courseVersion {
            out.append(contentsOf: #","courseVersion":"#.utf8)
            appendInt(Int64(v), to: &out)
        }
        if let v = event.lessonId {
            out.append(contentsOf: #","lessonId":"#.utf8)
            appendString(v, to: &out)
        }
        if let v = event.itemId {
            out.append(contentsOf: #","itemId":"#.utf8)
            appendString(v, to: &out)
        }
        if let v = event.attempt {
            out.append(contentsOf: #","attempt":"#.utf8)
            appendInt(Int64(v), to: &out)
        }
        out.append(contentsOf: #","payload":"#.utf8)
        appendString(event.payload, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Reads one line (without its newline).
    public static func decode(_ line: UnsafeRawBufferPointer) throws -> HubEvent {
        var parser = FlatJSONParser(line)
        var node: String?
        var kind: String?
        var learner: String?
        var payload: String?
        var seq: Int64?
        var occurredAt: Int64?
        var recordedAt: Int64?
        var courseId: String?
        var lessonId: String?
        var itemId: String?
        var courseVersion: Int64?
        var attempt: Int64?
        try parser.object { key, parser in
            switch key {
            case "node": node = try parser.string()
            case "seq": seq = try parser.integer()
            case "kind": kind = try parser.string()
            case "learner": learner = try parser.string()
            case "occurredAt": occurredAt = try parser.integer()
            case "recordedAt": recordedAt = try parser.integer()
            case "courseId": courseId = try parser.optionalString()
            case "courseVersion": courseVersion = try parser.optionalInteger()
            case "lessonId": lessonId = try parser.optionalString()
            case "itemId": itemId = try parser.optionalString()
            case "attempt": attempt = try parser.optionalInteger()
            case "payload": payload = try parser.string()
            default: try parser.skipScalar()
            }
        }
        guard let node, let seq, let kind, let learner, let occurredAt, let recordedAt, let payload else {
            throw SyncError(.corrupt, "an event line lacks a required field")
        }
        guard let version = Self.int(courseVersion), let attemptNumber = Self.int(attempt) else {
            throw SyncError(.corrupt, "an event line has a number out of range")
        }
        return HubEvent(
            nodeId: node, seq: seq, kind: kind, learner: learner, occurredAt: occurredAt, recordedAt: recordedAt,
            courseId: courseId, courseVersion: version, lessonId: lessonId, itemId: itemId, attempt: attemptNumber,
            payload: payload)
    }

    /// Calls `body` with each line of `data` (newline-separated; a final line without newline counts).
    public static func forEachLine(in data: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void)
        rethrows
    {
        var start = 0
        let count = data.count
        while start < count {
            var end = start
            while end < count && data[end] != 0x0A { end += 1 }
            if end > start { try body(UnsafeRawBufferPointer(rebasing: data[start..<end])) }
            start = end + 1
        }
    }

    private static func int(_ value: Int64?) -> Int?? {
        guard let value else { return .some(nil) }
        guard let small = Int(exactly: value), abs(small) < Int(Int32.max) else { return nil }
        return .some(small)
    }

    static func appendInt(_ value: Int64, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }

    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: Array(String(format: "\\u%04x", Int(byte)).utf8))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A parser for one flat JSON object whose values are strings, integers, booleans or null.
struct FlatJSONParser {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    private func fail(_ what: String) -> SyncError { SyncError(.corrupt, "an event line is not valid JSON (\(what))") }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
    }

    mutating func expect(_ byte: UInt8) throws {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else {
            throw fail("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        index += 1
    }

    /// Parses `{ "key": value, … }`, calling `field` for each key (which must consume the value).
    mutating func object(_ field: (String, inout FlatJSONParser) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                let key = try string()
                try expect(UInt8(ascii: ":"))
                try field(key, &self)
                skipSpace()
                guard index < bytes.count else { throw fail("unterminated object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    break
                }
                throw fail("expected ',' or '}'")
            }
        }
        skipSpace()
        guard index == bytes.count else { throw fail("trailing characters") }
    }

    mutating func isNull() -> Bool {
        skipSpace()
        if index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        {
            index += 4
            return true
        }
        return false
    }

    mutating func optionalString() throws -> String? { isNull() ? nil : try string() }
    mutating func optionalInteger() throws -> Int64? { isNull() ? nil : try integer() }

    mutating func integer() throws -> Int64 {
        skipSpace()
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var value: Int64 = 0
        var digits = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(bytes[index] - 0x30))
            guard !o1, !o2 else { throw fail("number too large") }
            value = a
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw fail("expected an integer") }
        return negative ? -value : value
    }

    /// Skips a string, number, boolean or null (unknown fields from newer writers).
    mutating func skipScalar() throws {
        skipSpace()
        guard index < bytes.count else { throw fail("missing value") }
        if bytes[index] == UInt8(ascii: "\"") {
            _ = try string()
            return
        }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "}") { index += 1 }
        guard index > start else { throw fail("missing value") }
    }

    mutating func string() throws -> String {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                index += 1
                guard let text = String(validating: slice, as: UTF8.self) else { throw fail("invalid UTF-8") }
                return text
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            index += 1
        }
        index = start
        var out: [UInt8] = []
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            switch b {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw fail("unterminated escape") }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else {
                            throw fail("lone surrogate")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw fail("lone surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw fail("bad escape") }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: throw fail("bad escape")
                }
            case 0..<0x20: throw fail("control character in a string")
            default: out.append(b)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            index += 1
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw fail("bad \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }
}
