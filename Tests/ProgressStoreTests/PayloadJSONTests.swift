import CourseModel
import Foundation
import Testing

@testable import ProgressStore

@Suite("Stored payload JSON")
struct PayloadJSONTests {
    static func payload(_ response: Response) -> EventPayload {
        var p = EventPayload()
        p.response = response
        p.correct = false
        p.score = 2.0 / 3
        p.maxScore = 2
        p.hintsUsed = 1
        p.elapsedMs = 4200
        p.mastery = MasteryRecord(.recent(m: 4, n: 5))
        p.wrong = ["q\"1", "câu-2"]
        return p
    }

    @Test(arguments: [
        Response.choice("dung"), .choices(["c", "a", "b"]), .text("tôi đi \"nhanh\"\n\\ \u{1}"),
        .text("hoà".decomposedStringWithCanonicalMapping), .order(["x", "y"]), .pairs(["l2": "r2", "l1": "r1"]),
    ])
    func roundTripsThroughJSONDecoder(response: Response) throws {
        let p = Self.payload(response)
        let text = p.encoded()
        var back = try JSONDecoder().decode(EventPayload.self, from: Data(text.utf8))
        var expected = p
        if case .choices(let ids) = response { expected.response = .choices(ids.sorted()) }
        if case .text(let t) = response { expected.response = .text(t.precomposedStringWithCanonicalMapping) }
        if case .text(let t)? = back.response { back.response = .text(t) }
        #expect(back == expected)
    }

    @Test func formIsPinned() {
        // Hubs hash these bytes; a change of form must be deliberate.
        #expect(
            Self.payload(.choice("dung")).encoded() == """
                {"correct":false,"elapsedMs":4200,"hintsUsed":1,"mastery":{"m":4,"n":5,"rule":"recent"},"maxScore":2,\
                "response":{"choice":"dung"},"score":0.6666666666666666,"wrong":["q\\"1","câu-2"]}
                """)
        #expect(EventPayload().encoded() == "{}")
    }
}
