import Foundation

/// No terminal (piped or scripted input): every prompt reads one line, screens print as text.
public final class LineTerminal: Terminal {
    public let usesKeys = false
    private let width: Int

    /// Makes a line terminal printing `width` columns.
    public init(width: Int = 80) { self.width = width }

    public func size() -> (width: Int, height: Int) { (width, 0) }

    public func next(prompt: String) -> TerminalEvent {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        guard let line = readLine(strippingNewline: true) else {
            FileHandle.standardOutput.write(Data("\n".utf8))
            return .end
        }
        return .input(.line(line.precomposedStringWithCanonicalMapping))
    }

    public func draw(_ lines: [String]) {
        FileHandle.standardOutput.write(Data((["" ] + lines).joined(separator: "\n").appending("\n").utf8))
    }

    public func farewell(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
