import Foundation
import LearnerEvents
import Testing

@testable import SyncWire

/// `EventLines.decode` reads a large file in parts on every core; whatever the file, it must give
/// the outcome of reading it line by line with one `JSONDecoder`: the same events, the same events
/// shown to `check` before a failure, the same error.
@Suite("Event lines read in parts, held to reading line by line")
struct EventLinesInPartsTests {
    /// The plain reading: line by line, checking each event as it comes.
    static func lineByLine(_ data: Data, _ check: (Event) throws -> Void) throws -> [Event] {
        let decoder = JSONDecoder()
        var events: [Event] = []
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            guard let event = try? decoder.decode(Event.self, from: Data(line)) else {
                throw SyncError(.corrupt, SyncText.badEventLine)
            }
            guard event.seq <= EventLines.maxSeq else {
                throw SyncError(.corrupt, SyncText.seqTooLarge(event.seq, EventLines.maxSeq))
            }
            for time in [event.occurrence.occurredAt, event.recordedAt]
            where time > EventLines.maxTime || time < -EventLines.maxTime {
                throw SyncError(.corrupt, SyncText.timeOutOfRange(event.seq, time))
            }
            try check(event)
            events.append(event)
        }
        return events
    }

    /// (events, how many `check` saw, the error's sentence) of one way of reading.
    static func outcome(_ read: (Data, (Event) throws -> Void) throws -> [Event], _ data: Data) -> String {
        var seen = 0
        do {
            let events = try read(data) { event in
                seen += 1
                if event.occurrence.itemId == "refuse-me" { throw SyncError(.invalid, SyncText.cannotEncode) }
            }
            return "ok \(events.count) \(events.map(\.seq).reduce(0, &+)) seen \(seen)"
        } catch let error as SyncError {
            return "refused after \(seen): \(error.phrase.en)"
        } catch {
            return "other error \(error)"
        }
    }

    /// 4,000 event lines (~900 kB, so the file is read in parts), each changed by `edit`.
    static func file(_ edit: (Int, String) -> String) throws -> Data {
        var out = ""
        for seq in 1...4000 {
            let event = Event(
                nodeId: "n-abcdefghijklmnop", seq: Int64(seq), recordedAt: 1_750_000_000_000,
                occurrence: .stepRead(
                    learner: "LAN1", course: "an-toan", version: 1, lesson: "bai-1", step: "s\(seq)", at: 1))
            var bytes: [UInt8] = []
            try EventLines.append(event, to: &bytes)
            out += edit(seq, String(decoding: bytes.dropLast(), as: UTF8.self)) + "\n"
        }
        return Data(out.utf8)
    }

    static let edits: [(String, @Sendable (Int, String) -> String)] = [
        ("untouched", { _, line in line }),
        ("a bad line at the start", { seq, line in seq == 1 ? "{not json" : line }),
        ("a bad line in the middle", { seq, line in seq == 2001 ? line + "," : line }),
        ("a bad line at the end", { seq, line in seq == 4000 ? "[]" : line }),
        ("bad lines in two parts", { seq, line in seq == 900 || seq == 3500 ? "" + "{}" : line }),
        ("empty and blank lines", { seq, line in seq % 7 == 0 ? line + "\n\n" : line }),
        (
            "a seq too large before a bad line",
            {
                seq, line in
                seq == 1000
                    ? line.replacingOccurrences(of: "\"seq\":1000", with: "\"seq\":9007199254740993")
                    : seq == 3000 ? "x" : line
            }
        ),
        (
            "check refuses an event",
            { seq, line in seq == 2500 ? line.replacingOccurrences(of: "\"s2500\"", with: "\"refuse-me\"") : line }
        ),
        (
            "check refuses after a bad line",
            {
                seq, line in
                seq == 1500
                    ? "{" : seq == 3900 ? line.replacingOccurrences(of: "\"s3900\"", with: "\"refuse-me\"") : line
            }
        ),
    ]

    @Test(arguments: edits.map(\.0))
    func theSameOutcomeAsLineByLine(_ name: String) throws {
        let edit = try #require(Self.edits.first { $0.0 == name }).1
        let data = try Self.file(edit)
        let expected = Self.outcome(Self.lineByLine, data)
        #expect(Self.outcome(EventLines.decode, data) == expected)
        // A slice that does not start at index 0, as a push body's lines are.
        let sliced = (Data("header\n".utf8) + data).dropFirst(7)
        #expect(Self.outcome(EventLines.decode, sliced) == expected)
    }
}
