import Foundation
import LearnerEvents
import Synchronization

/// Events as NDJSON, the form they travel in (bundle files and push bodies): one `Event` per
/// line in its Codable wire form, keys sorted so the same events always give the same bytes.
public enum EventLines {
    /// The largest sequence number an event may carry: 2^53, the largest integer every JSON
    /// reader holds exactly. Far beyond any centre's count, it keeps the hub's range arithmetic
    /// (`last + 1`) clear of overflow: an event numbered 9223372036854775807 once crashed it.
    public static let maxSeq: Int64 = 1 << 53
    /// The furthest an event's times may lie from 1970, in ms (2^53: some 285,000 years either
    /// way). Hubs count days from these times; a PostgreSQL hub's day number is a 32-bit integer,
    /// and one event dated near the end of Int64 made every import of its bundle fail.
    public static let maxTime: Int64 = 1 << 53

    /// Appends `event`'s line and a newline to `out`.
    public static func append(_ event: Event, to out: inout [UInt8]) throws {
        do {
            out += try encoder.encode(event)
        } catch {
            throw SyncError(.invalid, SyncText.cannotEncode)
        }
        out.append(0x0A)
    }

    /// The events of `data`, one per non-empty line, in order; `check` sees each as it is read.
    /// A seq above `maxSeq` refuses the whole data (no centre numbers that far).
    ///
    /// Lines are read on every core at once, in line-aligned parts, each line straight from its
    /// bytes or by `JSONDecoder` (`directEvent`); the events are then checked in order, so the
    /// outcome and the error are those of reading line by line (tools/bench-sync: reading lines
    /// is most of an import).
    public static func decode(_ data: Data, _ check: (Event) throws -> Void = { _ in }) throws -> [Event] {
        let parts = Self.parts(of: data, count: data.count < 1 << 16 ? 1 : ProcessInfo.processInfo.activeProcessorCount)
        let results = Mutex([Part?](repeating: nil, count: parts.count))
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            let part = read(data[parts[index]])
            results.withLock { $0[index] = part }
        }
        let done = results.withLock { $0 }.compactMap { $0 }
        var events: [Event] = []
        events.reserveCapacity(done.reduce(0) { $0 + $1.events.count })
        for part in done {
            for event in part.events {
                guard event.seq <= maxSeq else { throw SyncError(.corrupt, SyncText.seqTooLarge(event.seq, maxSeq)) }
                try checkTime(event.occurrence.occurredAt, of: event)
                try checkTime(event.recordedAt, of: event)
                try check(event)
                events.append(event)
            }
            if part.failed { throw SyncError(.corrupt, SyncText.badEventLine) }
        }
        return events
    }

    /// Refuses a time further than `maxTime` from 1970.
    private static func checkTime(_ time: Int64, of event: Event) throws {
        guard time <= maxTime, time >= -maxTime else {
            throw SyncError(.corrupt, SyncText.timeOutOfRange(event.seq, time))
        }
    }

    /// The events of one part, up to its first line that is not an event.
    private struct Part: Sendable {
        var events: [Event] = []
        var failed = false
    }

    /// Reads the lines of `data` until one fails: each the direct way (`directEvent`), or by
    /// `JSONDecoder` when that gives up.
    private static func read(_ data: Data) -> Part {
        let decoder = JSONDecoder()
        var part = Part()
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if end > start {
                let line = data[start..<end]
                let direct = line.withUnsafeBytes { directEvent($0.bindMemory(to: UInt8.self)) }
                guard let event = direct ?? (try? decoder.decode(Event.self, from: line)) else {
                    part.failed = true
                    return part
                }
                part.events.append(event)
            }
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return part
    }

    /// Up to `count` ranges covering `data`, each ending just after a newline (the last at the end).
    private static func parts(of data: Data, count: Int) -> [Range<Data.Index>] {
        var ranges: [Range<Data.Index>] = []
        var start = data.startIndex
        for k in 1..<max(1, count) where start < data.endIndex {
            let target = data.startIndex + data.count * k / count
            guard target > start, let newline = data[target...].firstIndex(of: 0x0A) else { continue }
            ranges.append(start..<(newline + 1))
            start = newline + 1
        }
        ranges.append(start..<data.endIndex)
        return ranges
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
