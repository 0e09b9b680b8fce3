import Foundation
import LearnerEvents
import TestSupport
import Testing

@testable import SyncWire

/// `EventLines` reads each line straight from its bytes and leaves anything else to
/// `JSONDecoder`. These tests hold the direct reader to `JSONDecoder`'s verdict: on any line it
/// either gives up or gives exactly the event `JSONDecoder` gives.
@Suite("Event lines: the direct reader gives JSONDecoder's verdict")
struct EventLinesDirectReaderTests {
    /// One event of every kind, with every optional field present on some and absent on others,
    /// and payloads that need escaping.
    static let events: [Event] = (EventKind.known + [.unknown("future.kind")]).enumerated().map { index, kind in
        let full = index % 2 == 0
        return Event(
            nodeId: "node-\(index)", seq: Int64(index + 1) * 1_000_003, recordedAt: 1_764_000_000_000 + Int64(index),
            occurrence: Occurrence(
                kind: kind, learner: "HV-0\(index) Nguyễn Thị Đào", occurredAt: -Int64(index) * 86_400_000,
                courseId: full ? "an-toan-tren-mang" : nil, courseVersion: full ? Int(Int32.max) : nil,
                lessonId: full ? "bai-1" : nil, itemId: full ? "q-\(index)" : nil, attempt: full ? 0 : nil,
                payload: EventPayload(json: #"{"text":"Đ\"ú\\ng\n\t/ 😀","ok":true}"#)))
    }

    private static func line(_ event: Event) throws -> String {
        var bytes: [UInt8] = []
        try EventLines.append(event, to: &bytes)
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }

    private static func direct(_ line: some StringProtocol) -> Event? { direct(Array(line.utf8)) }

    private static func direct(_ bytes: [UInt8]) -> Event? {
        bytes.withUnsafeBufferPointer { EventLines.directEvent($0) }
    }

    /// Fails when the direct reader accepts a line `JSONDecoder` refuses, or reads it differently.
    private static func expectSameVerdict(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expectSameVerdict(Array(line.utf8), sourceLocation: sourceLocation)
    }

    private static func expectSameVerdict(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let plain = try? JSONDecoder().decode(Event.self, from: Data(bytes))
        guard let direct = direct(bytes) else { return }
        let shown = String(decoding: bytes, as: UTF8.self)
        #expect(plain != nil, "accepted what JSONDecoder refuses: \(shown)", sourceLocation: sourceLocation)
        let same = direct == plain && direct.occurrence.payload.json == plain?.occurrence.payload.json
        #expect(same, "read differently: \(shown)", sourceLocation: sourceLocation)
    }

    @Test("every kind, with and without its optional fields, reads as JSONDecoder reads it")
    func everyEventReadsTheSame() throws {
        for event in Self.events {
            let line = try Self.line(event)
            let direct = try #require(Self.direct(line), "gave up on \(line)")
            #expect(direct == event)
            #expect(direct.occurrence.payload.json == event.occurrence.payload.json)
            #expect(direct == (try JSONDecoder().decode(Event.self, from: Data(line.utf8))))
        }
    }

    @Test("what is read from bundles is the same events, however each line is read")
    func decodedLinesAreTheEvents() throws {
        var bytes: [UInt8] = []
        for event in Self.events { try EventLines.append(event, to: &bytes) }
        #expect(try EventLines.decode(Data(bytes)) == Self.events)
    }

    @Test(
        "lines outside the canonical form get JSONDecoder's verdict",
        arguments: [
            (#""seq":1000003"#, #""seq":1000003.0"#), (#""seq":1000003"#, #""seq":-0"#),
            (#""seq":1000003"#, #""seq":1e6"#), (#""seq":1000003"#, #""seq":null"#),
            (#""seq":1000003"#, #""seq":"1000003""#), (#""seq":1000003"#, #""seq":99999999999999999999"#),
            (#""attempt":0"#, #""attempt":2147483648"#), (#""attempt":0"#, #""attempt":-2147483649"#),
            (#""attempt":0"#, #""attempt":-2147483648"#), (#""attempt":0"#, #""attempt":null"#),
            (#""courseId":"an-toan-tren-mang""#, #""courseId":null"#),
            (#""node":"node-0""#, #""node":"node-0","node":"node-1""#),
            (#""node":"node-0""#, #""node":"node-0","extra":[1,{"a":null}]"#),
            (#""learner":"HV-00"#, #""learner":"HV-\u0030"#), (#""learner":"HV-00"#, #""learner":"\ud83d\ude00HV-00"#),
            (#""learner":"HV-00"#, #""learner":"\udc00HV-00"#), (#""kind":"#, #" "kind" : "#),
            (#""payload":"#, "\"payload\":\"\u{1}\","), (#""learner":"HV-00"#, "\"learner\":\"HV\u{7F}-00"),
        ])
    func nonCanonicalLines(edit: (String, String)) throws {
        let line = try Self.line(Self.events[0])
        try #require(line.contains(edit.0), "the edit must apply to \(line)")
        Self.expectSameVerdict(line.replacingOccurrences(of: edit.0, with: edit.1))
    }

    @Test("thousands of random byte edits never make the direct reader disagree with JSONDecoder")
    func randomEdits() throws {
        let lines = try Self.events.map { Array(try Self.line($0).utf8) }
        let significant = Array(#"{}[]",:\"0123456789-.eEtrufalsn "#.utf8) + [0x00, 0x0A, 0xC3, 0xFF]
        var generator = SeededRandom(seed: 20_261_205)
        var readByBoth = 0
        for round in 0..<5_000 {
            var bytes = lines[round % lines.count]
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[at] = significant.randomElement(using: &generator)!
                case 1: bytes.remove(at: at)
                default: bytes.insert(significant.randomElement(using: &generator)!, at: at)
                }
            }
            Self.expectSameVerdict(bytes)
            if Self.direct(bytes) != nil { readByBoth += 1 }
        }
        #expect(readByBoth > 500)  // edits inside text leave readable lines, so the comparison means something
    }
}
