import CSVText
import Foundation
import Testing

/// Splitting spreadsheet exports: every record keeps the line it starts on.
struct CSVTextTests {
    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let text =
            "ma,ho_ten,ghi_chu\r\nA1,\"Nguyễn Văn, An\",\"nói \"\"xin chào\"\"\"\r\nA2,Lê Thị Bình,\"hai\r\ndòng\"\r\nA3,Đỗ Đức,\r\n"
        let records = try CSVText.records(text)
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records[1].fields == ["A1", "Nguyễn Văn, An", "nói \"xin chào\""])
        #expect(records[2].fields == ["A2", "Lê Thị Bình", "hai\r\ndòng"])
        #expect(records[3].fields == ["A3", "Đỗ Đức", ""])
    }

    @Test func byteOrderMarkAndBlankLinesAreDropped() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("code,name\n\n  \nX1,Hà\n".utf8))
        let records = try CSVText.records(data)
        #expect(records == [.init(line: 1, fields: ["code", "name"]), .init(line: 4, fields: ["X1", "Hà"])])
    }

    @Test func semicolonSeparatesWhenTheHeaderHasNoComma() throws {
        let records = try CSVText.records("ma;ten;cap\n01;Hà Nội;tinh\n02;\"Ba; Đình\";xa\n")
        #expect(records[2].fields == ["02", "Ba; Đình", "xa"])
        // A header with commas keeps commas, even if a later field has semicolons.
        #expect(try CSVText.records("a,b\n1;2,3\n")[1].fields == ["1;2", "3"])
    }

    @Test func anUnclosedQuoteNamesTheLineItStartsOn() {
        #expect(throws: CSVText.Problem.unclosedQuote(line: 3)) {
            try CSVText.records("a,b\n1,2\n3,\"never\nclosed\n")
        }
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        // "Hà" in Windows-1258, as a legacy "CSV" save would write it.
        #expect(throws: CSVText.Problem.notUTF8) { try CSVText.records(Data([0x48, 0xE0, 0x2C, 0x31])) }
    }
}
