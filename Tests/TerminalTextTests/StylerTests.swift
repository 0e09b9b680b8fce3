import Testing

@testable import TerminalText

@Suite("Styles and colour decisions")
struct StylerTests {
    struct ModeCase: CustomTestStringConvertible, Sendable {
        let name: String
        let isTerminal: Bool
        let environment: [String: String]
        let expected: ColorMode
        var testDescription: String { name }
    }

    @Test(arguments: [
        ModeCase(name: "terminal", isTerminal: true, environment: ["TERM": "xterm-256color"], expected: .ansi),
        ModeCase(name: "Linux console", isTerminal: true, environment: ["TERM": "linux"], expected: .ansi),
        ModeCase(name: "NO_COLOR", isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"], expected: .none),
        ModeCase(
            name: "empty NO_COLOR is ignored", isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": ""],
            expected: .ansi),
        ModeCase(name: "pipe", isTerminal: false, environment: ["TERM": "xterm"], expected: .none),
        ModeCase(name: "dumb terminal", isTerminal: true, environment: ["TERM": "dumb"], expected: .none),
        ModeCase(name: "no TERM", isTerminal: true, environment: [:], expected: .none),
    ])
    func automatic(_ c: ModeCase) {
        #expect(ColorMode.automatic(isTerminal: c.isTerminal, environment: c.environment) == c.expected)
    }

    @Test("SGR sequences, and nothing without colour")
    func sgr() {
        let style = TextStyle(bold: true, underline: true, foreground: .red)
        #expect(Styler(mode: .ansi).apply(style, to: "Lừa đảo") == "\u{1B}[1;4;31mLừa đảo\u{1B}[0m")
        #expect(Styler(mode: .none).apply(style, to: "Lừa đảo") == "Lừa đảo")
        #expect(Styler(mode: .ansi).apply(.plain, to: "x") == "x")
    }

    @Test("content cannot smuggle escape sequences to the terminal")
    func escapesInContent() {
        let lines = BlockRenderer(width: 40, styler: .plain).render([
            .paragraph([.text("a\u{1B}]0;pwned\u{7}b \u{1B}[2J")]), .code(language: nil, text: "x\u{1B}[31my"),
        ])
        for line in lines { #expect(!line.unicodeScalars.contains("\u{1B}")) }
        #expect(lines.first == "a]0;pwnedb [2J")
    }

    @Test("without colour, structure stays visible")
    func plainStructure() {
        let lines = BlockRenderer(width: 30, styler: .plain).render([
            .heading(level: 3, content: [.text("Tiêu đề")]),
            .callout(.warning, [.paragraph([.emphasis([.text("Cẩn thận")])])]),
        ])
        #expect(lines == ["Tiêu đề", "───────", "", "│ CẢNH BÁO:", "│ Cẩn thận"])
    }
}
