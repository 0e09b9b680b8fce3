import LessonSearch
import Testing

/// The folding the index and queries share: diacritics, `đ`, case and Unicode forms all fold.
struct SearchFoldingTests {
    @Test(
        "folded text",
        arguments: [
            ("Đường link", "duong link"),
            ("đ Đ", "d d"),
            ("MỨC 2", "muc 2"),
            ("mu\u{031B}\u{0301}c", "muc"),  // NFD: ư as u + horn, then the acute
            ("Nghị định", "nghi dinh"),
            ("VNeID", "vneid"),
            ("Hoà hòa", "hoa hoa"),
        ])
    func folds(_ text: String, _ folded: String) {
        #expect(SearchFolding.fold(text) == folded)
    }

    @Test(
        "FTS5 expressions: every word quoted, the last a prefix, nothing typed is syntax",
        arguments: [
            ("vneid muc 2", #""vneid" "muc" "2"*"#),
            ("Mức", #""muc"*"#),
            (#"a" OR b*"#, #""a" "or" "b"*"#),
            ("NEAR(x y)", #""near" "x" "y"*"#),
            ("đường-link", #""duong" "link"*"#),
        ])
    func expressions(_ query: String, _ expression: String) {
        #expect(SearchFolding.matchExpression(query) == expression)
    }

    @Test("a query with no word gives no expression", arguments: ["", "   ", "— ?!", "\"\""])
    func noWords(_ query: String) {
        #expect(SearchFolding.matchExpression(query) == nil)
    }

    @Test("a matched word is highlighted in the line as written; the last query word as a prefix")
    func highlight() {
        let segments = SearchHighlight.segments("Đăng ký mức 2 ở đâu?", words: ["muc", "2"])
        #expect(segments.filter(\.matched).map(\.text) == ["mức", "2"])
        #expect(segments.map(\.text).joined() == "Đăng ký mức 2 ở đâu?")
        #expect(
            SearchHighlight.segments("mật khẩu", words: ["mat", "kh"]).filter(\.matched).map(\.text) == ["mật", "khẩu"])
    }
}
