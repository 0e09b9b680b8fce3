import Foundation

/// A real terminal in raw mode: keys one by one, the alternate screen, restored on every way out.
public final class RawTerminal: Terminal {
    /// Raw mode reads keys.
    public let usesKeys = true
    private var decoder = KeyDecoder()
    private var queue: [Key] = []
    private var active = false
    private var lastFrame: [String] = []

    /// Takes the terminal over: raw mode, alternate screen, hidden cursor, signal handlers.
    public init() {
        TerminalRestorer.enterRawMode()
        SignalFlags.install()
        active = true
        // Alternate screen, no cursor, and bracketed paste: pasted text arrives marked, so a
        // line break in it is never taken as Enter.
        writeOut("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h\u{1B}[2J")
    }

    deinit { restore() }

    /// Gives the terminal back as it was. Safe to call twice.
    public func restore() {
        guard active else { return }
        active = false
        writeOut("\u{1B}[0m\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l")
        TerminalRestorer.restore()
        SignalFlags.uninstall()
    }

    /// The window size from the terminal, else `$COLUMNS`×`$LINES`, else 80×24.
    public func size() -> (width: Int, height: Int) {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            return (Int(size.ws_col), Int(size.ws_row))
        }
        let env = ProcessInfo.processInfo.environment
        return (env["COLUMNS"].flatMap(Int.init) ?? 80, env["LINES"].flatMap(Int.init) ?? 24)
    }

    /// The next key, resize, a second of quiet, or the end; the prompt is part of the drawn
    /// screen in raw mode.
    public func next(prompt: String) -> TerminalEvent {
        while true {
            if !queue.isEmpty { return .input(.key(queue.removeFirst())) }
            let signals = SignalFlags.take()
            if signals & SignalFlags.terminate != 0 { return .end }
            if signals & SignalFlags.resize != 0 { return .resized }
            // Wait for a byte; after an Escape, wait only briefly to tell a lone Escape from a sequence.
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, decoder.hasPending ? 40 : 1000)
            if ready == 0 {
                queue += decoder.flush()
                if queue.isEmpty && !decoder.hasPending { return .idle }
                continue
            }
            if ready < 0 {
                if errno == EINTR { continue }
                return .end
            }
            if descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && descriptor.revents & Int16(POLLIN) == 0
            {
                return .end
            }
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return .end }
            queue += decoder.feed(buffer[0..<count])
        }
    }

    /// Draws a whole frame, rewriting only the lines that changed.
    public func draw(_ lines: [String]) {
        // Whole lines are rewritten only where they changed, so slow terminals do not flicker.
        var out = ""
        for (row, line) in lines.enumerated() where row >= lastFrame.count || lastFrame[row] != line {
            out += "\u{1B}[\(row + 1);1H\u{1B}[0m\(line)\u{1B}[0m\u{1B}[K"
        }
        lastFrame = lines
        writeOut(out)
    }

    /// Forgets what is on screen, so the next draw repaints everything (after a resize).
    func invalidate() {
        lastFrame = []
        writeOut("\u{1B}[2J")
    }

    /// Restores the terminal, then prints `text` on the normal screen.
    public func farewell(_ text: String) {
        restore()
        writeOut(text + "\n")
    }

    private func writeOut(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(STDOUT_FILENO, base + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// Saves the terminal's settings before raw mode and puts them back, also from `atexit`.
enum TerminalRestorer {
    // Written once before raw mode starts, read when restoring; the client is single-threaded.
    nonisolated(unsafe) private static var saved: termios?

    static func enterRawMode() {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return }
        saved = original
        atexit { TerminalRestorer.restore() }
        var raw = original
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_oflag &= ~tcflag_t(OPOST)
        raw.c_cflag |= tcflag_t(CS8)
        // No ISIG: Ctrl-C arrives as a key and leaves through the same door as `q`.
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
    }

    static func restore() {
        guard var original = saved else { return }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
    }
}
