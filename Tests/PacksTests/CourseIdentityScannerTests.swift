import Foundation
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
}
