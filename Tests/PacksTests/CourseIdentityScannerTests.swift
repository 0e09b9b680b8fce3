import Foundation
import QuizEngine
import Testing

@testable import Packs

@Suite("Packs: install reads course.json's id and version by scanning it as it streams")
struct CourseIdentityScannerTests {
    private func scan(_ text: String, chunk: Int = .max) -> CourseIdentityScanner.Identity? {
        var scanner = CourseIdentityScanner()
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            bytes[start..<end].withUnsafeBytes { scanner.feed($0) }
            start = end
        }
        return scanner.identity()
    }

    @Test("finds the top-level id and version whatever the chunk boundaries")
    func found() throws {
        let text =
            #"{"assets":[],"description":"a \"quoted\" id: {\"id\":\"x\"}","id":"khoa-hoc","lessons":[{"id":"bai-1","t":"x\"}]\\","version":9,"steps":[[],{"a":"{["}]}],"version":3}"#
        for chunk in [1, 2, 3, 7, 64, .max] {
            #expect(scan(text, chunk: chunk) == .init(id: "khoa-hoc", version: 3), "chunk \(chunk)")
        }
        #expect(scan(" {\n \"version\" : 12 ,\t\"id\" : \"a\\u0062\" }\n") == .init(id: "ab", version: 12))
    }

    @Test(
        "refuses what is not one balanced object with both keys",
        arguments: [
            "", "[]", #"{"id":"a""#, #"{"id":"a","version":1"#, #"{"id":"a","version":1}}"#,
            #"{"id":"a","version":1} x"#,
            #"{"id":"a"}"#, #"{"lessons":[{"id":"a","version":1}]}"#, #"{"id":1,"version":1}"#,
            #"{"id":"a","version":"1"}"#,
            #"{"id":"a","version":1}{"id":"b","version":2}"#, "{\"id\":\"a\nb\",\"version\":1}",
        ])
    func refused(_ text: String) {
        #expect(scan(text) == nil)
    }

    /// A random JSON value some levels deep: strings full of what a scanner could trip on
    /// (quotes, backslash runs, brackets, Vietnamese), long enough to cross 64-byte blocks.
    private static func randomValue(_ random: inout SplitMix64, depth: Int) -> Any {
        let pieces = ["\"", "\\", "\\\\\"", "{", "}", "[", "]", "Việt Nam ", "đ", ":", ",", "x", "  ", "\u{1F600}"]
        switch depth > 4 ? Int.random(in: 0..<3, using: &random) : Int.random(in: 0..<5, using: &random) {
        case 0:
            // Half the strings have no quote or backslash, so whole blocks take the fast path.
            let choices = Bool.random(using: &random) ? pieces : Array(pieces.dropFirst(3))
            return (0..<Int.random(in: 0..<40, using: &random)).map { _ in choices.randomElement(using: &random)! }
                .joined()
        case 1: return Int.random(in: -1000...1000, using: &random)
        case 2: return Bool.random(using: &random)
        case 3:
            return (0..<Int.random(in: 0..<6, using: &random)).map { _ in randomValue(&random, depth: depth + 1) }
        default:
            var object: [String: Any] = [:]
            for index in 0..<Int.random(in: 0..<6, using: &random) {
                object["k\(index)\(pieces.randomElement(using: &random)!)"] = randomValue(&random, depth: depth + 1)
            }
            return object
        }
    }

    @Test("agrees with a JSON decoder on random nested documents, whatever the chunking (CJSONScan's blocks)")
    func randomDocuments() throws {
        var random = SplitMix64(state: 2026)
        for round in 0..<300 {
            let document: [String: Any] = [
                "assets": Self.randomValue(&random, depth: 1), "id": "khoa-\(round)",
                "lessons": (0..<8).map { _ in Self.randomValue(&random, depth: 2) }, "version": round + 1,
            ]
            let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
            let text = String(decoding: data, as: UTF8.self)
            let chunk = [1, 7, 63, 64, 65, 1000, .max][round % 7]
            #expect(scan(text, chunk: chunk) == .init(id: "khoa-\(round)", version: round + 1), "round \(round)")

            // A raw control byte in a string deep inside is not JSON: refused.
            var broken = Array(data)
            // The first quote after `"lessons":[` opens a string (an element or a key).
            let lessons = try #require(text.range(of: #""lessons":["#))
            let start = text.utf8.distance(from: text.startIndex, to: lessons.upperBound)
            if let quote = broken[start...].firstIndex(of: UInt8(ascii: "\"")) {
                broken.insert(0x01, at: quote + 1)
                #expect(scan(String(decoding: broken, as: UTF8.self), chunk: chunk) == nil, "round \(round)")
            }
        }
    }
}
