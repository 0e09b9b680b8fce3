import CourseInterchange
import Foundation
import Localization
import Testing

/// Every malformed or unportable construct gives one diagnostic at its place, and the rest of the
/// file still imports. `⟦` in a case marks where the diagnostic must point.
@Suite("GIFT diagnostics")
struct GiftDiagnosticTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var marked: String
        var severity: InterchangeDiagnostic.Severity
        var says: String
        var testDescription: String { name }

        /// The text without its marker, and the marker's line and column.
        var source: (text: String, position: TextPosition) {
            var line = 1
            var column = 1
            var text = ""
            var position = TextPosition.fileStart
            for c in marked {
                if c == "⟦" {
                    position = TextPosition(line: line, column: column)
                    continue
                }
                text.append(c)
                if c == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return (text, position)
        }
    }

    static let cases: [Case] = [
        Case(
            name: "unclosed brace", marked: "Q1 {=a}\n\nWho? ⟦{=x ~y\n\nQ3 {=b}\n", severity: .error,
            says: "unclosed '{'"),
        Case(name: "closing brace without an opening one", marked: "A ⟦} b\n", severity: .error, says: "'}' without"),
        Case(
            name: "two answer sets (Cloze)", marked: "A {=x} and ⟦{=y}\n", severity: .error, says: "second answer set"),
        Case(
            name: "Moodle's ordering plugin", marked: "::O::Put in order.⟦{>2 none\nOne\nTwo\nThree\n}\n",
            severity: .warning,
            says: "ordering plugin"),
        Case(
            name: "not GIFT at all", marked: "⟦Just a letter to a friend.\nNothing more.\n", severity: .error,
            says: "no GIFT question"),
        Case(name: "not UTF-8", marked: "Câu ⟦\u{FFFD} {=x}\n", severity: .error, says: "not valid UTF-8"),
        Case(
            name: "partial credit in single choice", marked: "Q {=a ~⟦%50%b ~c}\n", severity: .warning,
            says: "earns 50% in Moodle"),
        Case(
            name: "multiple answers with zero-weight wrong options", marked: "Q ⟦{~%50%a ~%50%b ~c}\n",
            severity: .warning, says: "partial scoring"),
        Case(name: "no option gets credit", marked: "Q ⟦{~a ~b}\n", severity: .error, says: "no option earns"),
        Case(
            name: "partial credit in short answer", marked: "Q {=Frog ⟦=%50%Cat#Meh}\n", severity: .warning,
            says: "no partial credit"),
        Case(name: "essay", marked: "⟦Write about your village. {}\n", severity: .warning, says: "no essay"),
        Case(name: "number that is not one", marked: "Q {#⟦abc:1}\n", severity: .error, says: "is not a number"),
        Case(name: "matching pair without arrow", marked: "Q {=a -> b ⟦=c d}\n", severity: .error, says: "has no '->'"),
        Case(
            name: "one pair is too few for HocSo", marked: "Q ⟦{=a -> b = -> c}\n", severity: .error,
            says: "needs at least 2"),
        Case(
            name: "picture in HTML", marked: "⟦[html]Look <img src='x.png'> here {T}\n", severity: .warning,
            says: "<img>"),
        Case(
            name: "feedback for any other number", marked: "Q {#\n=3:2\n~#⟦Completely wrong}\n", severity: .warning,
            says: "every other number"),
        Case(name: "decimal comma", marked: "Q {#⟦2,5:0,1}\n", severity: .warning, says: "decimal comma"),
        Case(name: "unclosed name", marked: "⟦::Name without end Q {T}\n", severity: .warning, says: "not closed"),
    ]

    @Test("diagnostic at the marked place", arguments: cases)
    func diagnostic(_ c: Case) throws {
        var (text, position) = c.source
        var data = Data(text.utf8)
        if c.name == "not UTF-8" {
            // Put a lone continuation byte where the marker is.
            data = Data(text.utf8).replacing(Data("\u{FFFD}".utf8), with: Data([0x80]))
            text = ""
        }
        let (_, diagnostics) = CourseImporter.course(
            from: data, format: .gift, file: "bank.gift", options: ImportOptions(courseID: "x", title: "X"))
        let match = diagnostics.first { $0.message.en.contains(c.says) }
        let found = try #require(match, "no diagnostic saying '\(c.says)' in \(diagnostics.map(\.message.en))")
        #expect(found.severity == c.severity)
        #expect(
            found.position == position,
            "at \(found.position.line):\(found.position.column), expected \(position.line):\(position.column)")
        #expect(!found.message.vi.isEmpty && found.message.vi != found.message.en)
        let printed = found.compilerDiagnostic
        #expect(printed.file == "bank.gift" && printed.line == position.line && printed.column == position.column)
    }

    @Test func theRestOfAFileStillImportsAroundABrokenQuestion() throws {
        let text = "Q1 {=a ~b}\n\nBroken {=x ~y\n\nQ3 {T}\n"
        let (course, diagnostics, compiler) = try Fixtures.importAndCompile(Data(text.utf8))
        #expect(diagnostics.filter { $0.severity == .error }.count == 1)
        #expect(compiler.isEmpty, "\(compiler)")
        #expect(course?.allQuestions.count == 2)
    }

    @Test func windowsLineEndingsAndAByteOrderMarkReadLikeUnixText() throws {
        let unix = "// c\n::T::Q {\n=a#fine\n~b\n}\n\n$CATEGORY: $course$/top/Hai\n\nQ2 {T}\n"
        let windows = "\u{FEFF}" + unix.replacingOccurrences(of: "\n", with: "\r\n")
        let a = GiftReader.read(Data(unix.utf8), file: "a.gift")
        let b = GiftReader.read(Data(windows.utf8), file: "a.gift")
        #expect(a.diagnostics.isEmpty && b.diagnostics.isEmpty)
        #expect(a.document.items.count == b.document.items.count)
        for (x, y) in zip(a.document.questions, b.document.questions) {
            #expect(x.text == y.text)
            #expect(x.position == y.position)
        }
        let (course, _, compiler) = try Fixtures.importAndCompile(Data(windows.utf8))
        #expect(compiler.isEmpty)
        #expect(course?.lessons.map(\.title) == ["Nhập thử", "Hai"])
    }

    @Test func escapesKeepControlCharactersAsText() throws {
        let text = ##"Which is \{a\} \: \~ \= \# \\ ? {=\{yes\}#it\#1 ~no}"## + "\n"
        let (document, diagnostics) = GiftReader.read(Data(text.utf8), file: "e.gift")
        #expect(diagnostics.isEmpty)
        let q = try #require(document.questions.first)
        #expect(q.text.text == ##"Which is {a} : ~ = # \ ?"##)
        guard case .multipleChoice(let choices, _) = q.answers else {
            Issue.record("not multiple choice")
            return
        }
        #expect(choices.map(\.text.text) == ["{yes}", "no"])
        #expect(choices[0].feedback?.text == "it#1")
    }
}
