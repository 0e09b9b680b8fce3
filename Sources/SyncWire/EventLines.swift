import Foundation
import LearnerEvents

/// Events as NDJSON, the form they travel in (bundle files and push bodies): one `Event` per
/// line in its Codable wire form, keys sorted so the same events always give the same bytes.
public enum EventLines {
    /// The largest sequence number an event may carry: 2^53, the largest integer every JSON
    /// reader holds exactly. Far beyond any centre's count, it keeps the hub's range arithmetic
    /// (`last + 1`) clear of overflow: an event numbered 9223372036854775807 once crashed it.
    public static let maxSeq: Int64 = 1 << 53

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
    public static func decode(_ data: Data, _ check: (Event) throws -> Void = { _ in }) throws -> [Event] {
        let decoder = JSONDecoder()
        var events: [Event] = []
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if end > start {
                let event: Event
                do {
                    event = try decoder.decode(Event.self, from: data[start..<end])
                } catch {
                    throw SyncError(.corrupt, SyncText.badEventLine)
                }
                guard event.seq <= maxSeq else { throw SyncError(.corrupt, SyncText.seqTooLarge(event.seq, maxSeq)) }
                try check(event)
                events.append(event)
            }
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return events
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
