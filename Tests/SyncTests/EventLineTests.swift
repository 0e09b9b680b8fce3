import Foundation
import HubStore
import LearnerEvents
import Localization
import Testing

@testable import HubServer
@testable import SyncCentre
@testable import SyncHub
@testable import SyncWire

@Suite("Event lines (the Codable wire form) and ranges")
struct EventLineTests {
    static let texts = [
        "plain", "Nguyễn Thị Lan — hoà/hòa", "quote \" and backslash \\", "new\nline\tand\u{1}control",
        "emoji 👵🏽 and đ/Đ",
        #"{"correct":true,"response":{"text":"tooi ddi \"chợ\""}}"#,
    ]

    @Test("every string survives encoding and decoding byte for byte", arguments: texts)
    func roundTrip(_ text: String) throws {
        let event = makeEvent(
            nodeId: "n-abcdefghijklmnop", seq: EventLines.maxSeq, kind: "answer.submitted", learner: "LAN24",
            occurredAt: -5,
            recordedAt: 1_750_000_000_000, courseId: text, courseVersion: 3, lessonId: nil, itemId: text, attempt: 2,
            payload: text)
        var bytes: [UInt8] = []
        try EventLines.append(event, to: &bytes)
        #expect(bytes.filter { $0 == 0x0A }.count == 1 && bytes.last == 0x0A)
        let decoded = try EventLines.decode(Data(bytes))
        #expect(decoded == [event])
        #expect(Array(decoded[0].payload.json.utf8) == Array(text.utf8))
    }

    @Test("lines written by other JSON writers are read too (escaped slashes, \\u escapes, spaces, unknown fields)")
    func foreignWriters() throws {
        let line =
            #" { "seq" : 2, "node":"n-abcdefghijklmnop", "kind":"step.read", "learner":"A\u0042C", "occurredAt":1, "recordedAt":2, "courseId":"a\/b", "lessonId":null, "future":true, "payload":"\ud83d\udc75" } "#
        let event = try #require(try EventLines.decode(Data(line.utf8)).first)
        #expect(event.learner == "ABC" && event.courseId == "a/b" && event.lessonId == nil && event.payload.json == "👵")
    }

    @Test(
        "malformed lines are refused, never crash",
        arguments: [
            "", "{", "{\"seq\":1}",
            #"{"node":"n-a","seq":"1","kind":"k","learner":"L","occurredAt":1,"recordedAt":1,"payload":"{}"}"#,
            #"{"node":"n-a","seq":99999999999999999999,"kind":"k","learner":"L","occurredAt":1,"recordedAt":1,"payload":"{}"}"#,
            #"{"node":"n-a","seq":1,"kind":"k","learner":"L","occurredAt":1,"recordedAt":1,"payload":"\ud800"}"#,
            #"{"node":"n-a","seq":1,"kind":"k","learner":"L","occurredAt":1,"recordedAt":1,"payload":"{}"} trailing"#,
        ])
    func malformed(_ line: String) {
        #expect(throws: SyncError.self) {
            let events = try EventLines.decode(Data(line.utf8))
            // An empty line holds no event; anything else must be one whole, valid event.
            if line.isEmpty, events.isEmpty { throw SyncError(.corrupt, .verbatim("empty")) }
        }
    }

    @Test(
        "Range headers",
        arguments: [
            ("bytes=0-9", 0...9), ("bytes=10-", 10...99), ("bytes=90-200", 90...99), ("bytes=-5", 95...99),
            ("bytes=100-", nil),
            ("bytes=5-4", nil), ("bytes=0-1,5-6", nil), ("items=0-1", nil),
        ] as [(String, ClosedRange<Int>?)])
    func ranges(_ header: String, _ expected: ClosedRange<Int>?) {
        #expect(PacksEndpoint.parseRange(header, size: 100) == expected)
    }

    @Test("held ranges: contiguous run and gaps")
    func holdings() {
        let held = Holdings(nodeId: "n-x", held: SeqRange.ranges(of: [1, 2, 3, 7, 8, 10, 5, 4]))
        #expect(held.held == [SeqRange(1, 5), SeqRange(7, 8), SeqRange(10, 10)])
        #expect(held.contiguousThrough == 5 && held.gaps == [SeqRange(6, 6), SeqRange(9, 9)])
        #expect(Holdings(nodeId: "n-x", held: [SeqRange(3, 4)]).contiguousThrough == 0)
    }
}
