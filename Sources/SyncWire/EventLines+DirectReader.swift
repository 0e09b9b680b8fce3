import CanonicalJSON
import Foundation
import LearnerEvents

extension EventLines {
    /// The event on one line, read straight from its bytes in the form `append` writes, or nil
    /// where the line is anything else — then `JSONDecoder` reads it and its verdict counts.
    ///
    /// Reading lines is most of an import (docs/benchmarks.md), and `JSONDecoder` spends most of
    /// that in `Codable`'s generic machinery. This mirrors `Event.init(from:)` for the keys it
    /// writes; an unknown or repeated key, a `null`, a number out of its type's range or written
    /// as anything but a plain integer gives up instead. `EventLinesDirectReaderTests` and the
    /// `event-lines` fuzz target hold the two to the same events.
    public static func directEvent(_ line: UnsafeBufferPointer<UInt8>) -> Event? {
        var reader = CanonicalJSONReader(bytes: line)
        guard let event = try? reader.event() else { return nil }
        reader.skipWhitespace()
        return reader.position == line.count ? event : nil
    }
}

extension CanonicalJSONReader {
    /// One event's wire form (`Event.init(from:)`).
    mutating func event() throws(NotCanonical) -> Event {
        var node: String?
        var seq: Int?
        var recordedAt: Int?
        var kind: String?
        var learner: String?
        var occurredAt: Int?
        var courseId: String?
        var courseVersion: Int?
        var lessonId: String?
        var itemId: String?
        var attempt: Int?
        var payload: String?
        try members { r, key throws(NotCanonical) in
            if r.matches(key, "attempt") {
                try r.once(&attempt) { r throws(NotCanonical) in try r.int32() }
            } else if r.matches(key, "courseId") {
                try r.once(&courseId) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "courseVersion") {
                try r.once(&courseVersion) { r throws(NotCanonical) in try r.int32() }
            } else if r.matches(key, "itemId") {
                try r.once(&itemId) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "kind") {
                try r.once(&kind) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "learner") {
                try r.once(&learner) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "lessonId") {
                try r.once(&lessonId) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "node") {
                try r.once(&node) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "occurredAt") {
                try r.once(&occurredAt) { r throws(NotCanonical) in try r.int() }
            } else if r.matches(key, "payload") {
                try r.once(&payload) { r throws(NotCanonical) in try r.string() }
            } else if r.matches(key, "recordedAt") {
                try r.once(&recordedAt) { r throws(NotCanonical) in try r.int() }
            } else if r.matches(key, "seq") {
                try r.once(&seq) { r throws(NotCanonical) in try r.int() }
            } else {
                throw NotCanonical()
            }
        }
        guard let node, let seq, let recordedAt, let kind, let learner, let occurredAt, let payload else {
            throw NotCanonical()
        }
        // Int is 64 bits on every platform HocSo runs on, so `int()` reads exactly the Int64 range.
        return Event(
            nodeId: node, seq: Int64(seq), recordedAt: Int64(recordedAt),
            occurrence: Occurrence(
                kind: EventKind(rawValue: kind), learner: learner, occurredAt: Int64(occurredAt), courseId: courseId,
                courseVersion: courseVersion, lessonId: lessonId, itemId: itemId, attempt: attempt,
                payload: EventPayload(json: payload)))
    }

    /// A plain integer in `Int32`'s range (`Event` reads course versions and attempts as `Int32`).
    mutating func int32() throws(NotCanonical) -> Int {
        let value = try int()
        guard Int(Int32.min)...Int(Int32.max) ~= value else { throw NotCanonical() }
        return value
    }
}
