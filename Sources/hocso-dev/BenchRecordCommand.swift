import ArgumentParser
import CommandSupport
import Foundation
import LearnerEvents
import Localization
import ProgressStore

/// `hocso-dev bench-record --db PATH --count N [--start I]`: the engine side of
/// `tools/bench-answers`. Records answers `start ..< start + count` through the centre store's
/// one write path, one transaction each, and prints the time taken; run again with a later
/// `--start` to continue the same database.
struct BenchRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-record", abstract: "Benchmark: record answers, one transaction each.")

    @Option(help: "The benchmark database.") var db: String
    @Option(help: "How many answers.") var count = 100_000
    @Option(help: "Index of the first answer.") var start = 0

    func run() throws {
        try reportingFailures(.en) {
            let store = try CentreStore(path: URL(fileURLWithPath: db))
            if try store.learner(code: "BENCH1") == nil {
                try store.addLearner(
                    NewLearner(code: "BENCH1", displayName: "Bench", birthYear: 1990, commune: "Bench"))
            }
            // The answers are made before the clock starts, as the baseline reads its rows
            // before its clock starts: both time the recording alone.
            let occurrences = (start..<(start + count)).map { i in
                let right = i % 3 != 0
                let answer = RecordedAnswer(
                    questionId: "cau-\(i % 8 + 1)", response: .choice(right ? "dung" : "sai"), correct: right,
                    score: right ? 1 : 0, maxScore: 1, hintsUsed: i % 2, elapsedMs: 4_000 + i % 997)
                return Occurrence.answerSubmitted(
                    learner: "BENCH1", course: "an-toan-tren-mang", version: 3, lesson: "bai-\(i / 8 % 5 + 1)",
                    attempt: i / 40 + 1, answer: answer, at: 1_772_323_200_000 + Int64(i))
            }
            let clock = ContinuousClock()
            let began = clock.now
            for occurrence in occurrences { try store.record(occurrence) }
            let elapsed = clock.now - began
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            Console.out("engine answers=\(count) seconds=\(String(format: "%.3f", seconds))")
        }
    }
}
