import ArgumentParser
import Foundation
import Localization

/// A failure the person can act on: printed as one line on stderr, exit status 1, never a stack trace.
public struct Failure: PhrasedError {
    /// What happened and what to do.
    public let phrase: Phrase

    /// Makes a failure.
    public init(_ phrase: Phrase) { self.phrase = phrase }
}

/// How a program names itself in its error lines: `hocso`, `hocso-hub`, `hocso-dev`.
public enum ProgramName {
    /// The running program's file name.
    public static var current: String {
        CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "hocso"
    }
}

extension ParsableCommand {
    /// Runs `body`, turning any thrown error into one clear line on stderr in `language`
    /// (`hocso: lỗi: …`) and exit status 1; a library's raw error text is never shown.
    public func reportingFailures<T>(_ language: Language, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            Self.printFailure(error, language)
            throw ExitCode.failure
        }
    }

    /// `reportingFailures` in the language of the environment (`HOCSO_LANG`, the locale), for
    /// commands whose output is not worded yet.
    public func reportingFailures<T>(_ body: () throws -> T) throws -> T {
        try reportingFailures(Language.resolve(environment: ProcessInfo.processInfo.environment), body)
    }

    /// The same for asynchronous work.
    public func reportingFailures<T>(_ language: Language, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            Self.printFailure(error, language)
            throw ExitCode.failure
        }
    }

    /// `<program>: lỗi: <what happened>` on stderr.
    public static func printFailure(_ error: any Error, _ language: Language) {
        let label = Phrase(vi: "lỗi", en: "error")(language)
        Console.error("\(ProgramName.current): \(label): \(Phrase.of(error)(language))")
    }
}
