import Foundation

/// No terminal (piped or scripted input): every prompt reads one line, screens print as text.
public final class LineTerminal: Terminal {
    /// Line mode reads lines.
    public let usesKeys = false
    private let width: Int

    /// Makes a line terminal printing `width` columns.
    public init(width: Int = 80) { self.width = width }

    /// The width set at creation; no height (screens are printed whole).
    public func size() -> (width: Int, height: Int) { (width, 0) }

    /// Prints the prompt and reads a line (NFC); `.end` at end of input.
    public func next(prompt: String) -> TerminalEvent {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        guard let line = readLine(strippingNewline: true) else {
            FileHandle.standardOutput.write(Data("\n".utf8))
            return .end
        }
        return .input(.line(line.precomposedStringWithCanonicalMapping))
    }

    /// Prints the screen after a blank line.
    public func draw(_ lines: [String]) {
        FileHandle.standardOutput.write(Data(([""] + lines).joined(separator: "\n").appending("\n").utf8))
    }

    /// Prints the last words.
    public func farewell(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
