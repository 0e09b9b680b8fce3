import LessonSearch
import Testing

/// Ranking, pinned: bm25 over course title, lesson title, step title and body, weighted
/// 2 : 5 : 10 : 1 (`SearchIndex.columnWeights`), the last word a prefix. Each row is a query and
/// the steps it must list first, in order.
struct SearchRankingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let query: String
        let top: [String]
        var testDescription: String { "“\(query)” → \(top.joined(separator: ", "))" }
    }

    @Test(
        "pinned rankings",
        arguments: [
            // A step titled with both words beats steps that only say them in the body.
            Case(query: "muc 2", top: ["dinh-danh/muc-2/muc-1-va-muc-2", "dinh-danh/muc-2/dang-ky-muc-2-o-dau"]),
            // The step's own title first; the body that repeats the words after.
            Case(query: "duong link", top: ["an-toan/duong-link/duong-link-gia"]),
            Case(query: "otp", top: ["an-toan/duong-link/ma-otp"]),
            // The last word is a prefix: `dang ky m` is still being typed.
            Case(query: "dang ky m", top: ["dinh-danh/muc-2/dang-ky-muc-2-o-dau"]),
            // A title word outranks the same word in other steps' bodies.
            Case(query: "mat khau", top: ["dinh-danh/muc-2/mat-khau-vneid"]),
            // English words are found as they are.
            Case(query: "password", top: ["mat-khau-en/strong/a-long-password"]),
            // Words of the course title count too, less than the step's own words.
            Case(query: "vneid muc 2", top: ["dinh-danh/muc-2/muc-1-va-muc-2", "dinh-danh/muc-2/dang-ky-muc-2-o-dau"]),
            // Table cells and list items are searched.
            Case(query: "ho so da nop", top: ["dinh-danh/dich-vu/tra-cuu-ket-qua"]),
        ])
    func ranking(_ row: Case) throws {
        let centre = try SearchCentre()
        let index = try centre.store.searchIndex()
        let places = SearchIndexTests.places(try index.search([row.query]))
        #expect(Array(places.prefix(row.top.count)) == row.top, "all: \(places)")
    }
}
