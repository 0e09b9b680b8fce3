import ArgumentParser
import CommandSupport
import Foundation
import LearnerEvents
import Localization
import ProgressStore

/// `hocso-dev bench-record --db PATH --count N [--start I] [--learner CODE] [--latencies FILE]`:
/// the engine side of `tools/bench-answers`. Records answers `start ..< start + count` through the
/// centre store's one write path, one transaction each, and prints the time taken; run again with
/// a later `--start` to continue the same database. Several at once, each with its own
/// `--learner`, are learners answering at the same time; `--latencies` writes each commit's
/// duration in microseconds, one per line.
struct BenchRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-record", abstract: "Benchmark: record answers, one transaction each.")

    @Option(help: "The benchmark database.") var db: String
    @Option(help: "How many answers.") var count = 100_000
    @Option(help: "Index of the first answer.") var start = 0
    @Option(help: "The learner who answers (made on first use).") var learner = "BENCH1"
    @Option(help: "Write each commit's duration (µs), one per line, to this file.") var latencies: String?

    func run() throws {
        try reportingFailures(.en) {
            let store = try CentreStore(path: URL(fileURLWithPath: db), mode: .createIfMissing)
            if try store.learner(code: learner) == nil {
                try store.addLearner(
                    NewLearner(code: learner, displayName: "Bench", birthYear: 1990, commune: "Bench"))
            }
            // The answers are made before the clock starts, as the baseline reads its rows
            // before its clock starts: both time the recording alone.
            let occurrences = (start..<(start + count)).map { i in
                let right = i % 3 != 0
                let answer = RecordedAnswer(
                    questionId: "cau-\(i % 8 + 1)", response: .choice(right ? "dung" : "sai"), correct: right,
                    score: right ? 1 : 0, maxScore: 1, hintsUsed: i % 2, elapsedMs: 4_000 + i % 997)
                return Occurrence.answerSubmitted(
                    learner: learner, course: "an-toan-tren-mang", version: 3, lesson: "bai-\(i / 8 % 5 + 1)",
                    attempt: i / 40 + 1, answer: answer, at: 1_772_323_200_000 + Int64(i))
            }
            let clock = ContinuousClock()
            let began = clock.now
            var commits: [Duration] = []
            commits.reserveCapacity(count)
            for occurrence in occurrences {
                let committing = clock.now
                try store.record(occurrence)
                commits.append(clock.now - committing)
            }
            let seconds = Self.seconds(clock.now - began)
            if let latencies {
                let lines = commits.map { String(Int(Self.seconds($0) * 1e6)) }.joined(separator: "\n")
                try Data((lines + "\n").utf8).write(to: URL(fileURLWithPath: latencies))
            }
            Console.out("engine answers=\(count) seconds=\(String(format: "%.3f", seconds))")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
