// hocso-stress: a learner terminal reduced to its writes, for the durability and concurrency tests.
//
//   hocso-stress --db PATH --learner CODE --count N [--certify COURSE]
//
// With `--certify`, each of the N transactions records the completion of COURSE (version 1)
// with its certificate issued in the same transaction (the kill -9 test of issuing).
//
// Records N answers through `CentreStore.record`, each its own committed transaction, and prints
// each acknowledged seq on its own line only after `record` returned (after the commit). A test
// that kills this process can therefore trust every complete line it read.
import Certificates
import CourseModel
import Foundation
import LearnerEvents
import ProgressStore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("hocso-stress: \(message)\n".utf8))
    exit(1)
}

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard name.hasPrefix("--"), let value = arguments.popFirst() else {
        fail("usage: --db PATH --learner CODE --count N")
    }
    options[String(name.dropFirst(2))] = value
}
guard let db = options["db"], let learner = options["learner"], let count = options["count"].flatMap(Int.init) else {
    fail("usage: --db PATH --learner CODE --count N")
}

do {
    let store = try CentreStore(path: URL(fileURLWithPath: db), mode: .createIfMissing)
    if try store.learner(code: learner) == nil {
        do {
            try store.addLearner(
                NewLearner(code: learner, displayName: "Thử \(learner)", birthYear: 1980, commune: "Xã Thử"))
        } catch let error as ProgressStoreError where error.kind == .duplicateCode {
            // Registered by a sibling process meanwhile: fine.
        }
    }
    let out = FileHandle.standardOutput
    if let course = options["certify"] {
        let achievement = CourseAchievement(
            courseId: course, version: 1, title: "Khoá thử", titleEnglish: nil, areas: ["An toàn"],
            areasEnglish: ["Safety"])
        for i in 0..<count {
            let events = try store.record(
                [.courseCompleted(learner: learner, course: course, version: 1, at: 1_760_000_000_000 + Int64(i))],
                certifying: [achievement])
            out.write(Data("\(events.map(\.kind.rawValue).joined(separator: " "))\n".utf8))
        }
        exit(0)
    }
    for i in 0..<count {
        let attempt = 1 + i / 10
        let question = "q\(i % 10)"
        let answer = RecordedAnswer(
            questionId: question, response: .choice(i % 3 == 0 ? "sai" : "dung"), correct: i % 3 != 0,
            score: i % 3 != 0 ? 1 : 0, maxScore: 1, hintsUsed: i % 2, elapsedMs: 1000 + i)
        let event = try store.record(
            .answerSubmitted(
                learner: learner, course: "stress", version: 1, lesson: "bai-\(i % 3)", attempt: attempt,
                answer: answer,
                at: 1_760_000_000_000 + Int64(i)))
        // One write(2) per line: a kill can cut between lines, never inside an acknowledged one.
        out.write(Data("\(event.seq)\n".utf8))
    }
} catch {
    fail("\(error)")
}
