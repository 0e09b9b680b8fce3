/// Runs the client on a terminal until the learner leaves or input ends.
public struct ClientRunner {
    /// The client.
    public let app: LearnerApp
    /// Where it runs.
    public let terminal: any Terminal

    /// Makes a runner.
    public init(app: LearnerApp, terminal: any Terminal) {
        self.app = app
        self.terminal = terminal
    }

    /// Draws the first screen, then handles input until the end.
    public func run() {
        draw()
        while !app.isFinished {
            let prompt = app.content(width: terminal.size().width, height: terminal.size().height).prompt
            switch terminal.next(prompt: prompt) {
            case .end:
                app.quit()
            case .idle:
                if app.tick() { draw() }
            case .resized:
                (terminal as? RawTerminal)?.invalidate()
                draw()
            case .input(let input):
                let (width, height) = terminal.size()
                app.resize(width: width, height: height)
                app.handle(input)
                if !app.isFinished { draw() }
            }
        }
        terminal.farewell(app.farewell)
    }

    private func draw() {
        let (width, height) = terminal.size()
        app.resize(width: width, height: height)
        terminal.draw(terminal.usesKeys ? app.frame(width: width, height: height) : app.transcript(width: width))
    }
}
