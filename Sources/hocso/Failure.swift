import ArgumentParser
import Foundation

/// A failure the user can act on: printed as one line on stderr, exit status 1, never a stack trace.
struct Failure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Terminal facts the commands need: whether a stream is a terminal, and plain stderr writing.
enum Console {
    /// Whether standard output is a terminal (colour and progress only then).
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    /// Whether standard error is a terminal.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    /// Whether colour is wanted: a terminal, and no `NO_COLOR`.
    static var colorOnStdout: Bool {
        stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// Writes a line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension ParsableCommand {
    /// Runs `body`, turning any thrown error into one clear line on stderr and exit status 1.
    func reportingFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            Console.error("hocso: error: \(error)")
            throw ExitCode.failure
        }
    }
}
