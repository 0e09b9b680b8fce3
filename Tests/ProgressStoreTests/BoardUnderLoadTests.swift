import FacilitatorConsole
import Foundation
import Localization
import Testing

@testable import ProgressStore

/// Twelve learners answering at once in their own processes (as in `DurabilityTests`), with and
/// without the facilitator's board reading the same database ten times a second (ten times more
/// often than the real board): no lock errors, every answer kept, and answers as quick with the
/// board open. Both timings are printed.
@Suite("The board under load", .serialized)
struct BoardUnderLoadTests {
    static let processes = 12
    static let answers = 100

    @Test func twelveLearnersAnswerAsQuicklyWithTheBoardOpen() throws {
        let without = try Self.round(withBoard: false)
        let with = try Self.round(withBoard: true)
        let perAnswer = { (seconds: Double) in String(format: "%.2f ms", seconds * 1000 / Double(Self.answers)) }
        print(
            "board under load: \(Self.processes) learners × \(Self.answers) answers — without the board "
                + "\(String(format: "%.2f", without.seconds)) s (\(perAnswer(without.seconds)) per answer per learner), "
                + "with it \(String(format: "%.2f", with.seconds)) s (\(perAnswer(with.seconds))); "
                + "the board refreshed \(with.refreshes) times")
        #expect(with.refreshes > 0)
        #expect(with.failures.isEmpty, "the board failed to read: \(with.failures.prefix(3))")
        #expect(with.shown == Self.processes, "the board saw every learner")
        // The machine is shared, so timings wobble: the board may not make answering clearly slower.
        #expect(with.seconds <= without.seconds * 1.5 + 1, "answering was slower with the board open")
    }

    /// One run: the learners answer; the board, when open, refreshes every 100 ms meanwhile.
    static func round(withBoard: Bool) throws -> (seconds: Double, refreshes: Int, failures: [String], shown: Int) {
        let helper = try #require(StressHelper.executable, "hocso-stress is not built next to the tests")
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let learners = (0..<processes).map { "P\($0 + 10)" }
        for code in learners { try store.addLearner(Sample.learner(code)) }
        let board = BoardLoop(path: db.path)
        if withBoard { board.start() }
        let start = Date()
        let runs = try learners.map {
            try StressHelper.Run(executable: helper, db: db.path, learner: $0, count: answers)
        }
        for run in runs {
            let (seqs, status, _, errors) = run.finish()
            #expect(status == 0 && errors.isEmpty, "a learner's process failed: \(errors)")
            #expect(seqs.count == answers)
        }
        let seconds = Date().timeIntervalSince(start)
        let result = board.stop()
        #expect(try store.eventCount == processes * (answers + 1))
        return (seconds, result.refreshes, result.failures, result.shown)
    }
}

/// The board's reading on a thread of its own, as its process would do it: refresh, lay out.
final class BoardLoop: @unchecked Sendable {
    private let path: URL
    private let lock = NSLock()
    private var stopping = false
    private var refreshes = 0
    private var failures: [String] = []
    private var shown = 0
    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)

    init(path: URL) { self.path = path }

    func start() {
        let thread = Thread { [self] in
            defer { done.signal() }
            do {
                let source = try BoardSource(databaseAt: path, group: nil, since: 0)
                let view = BoardView(language: .vi, styler: .plain, names: CourseNames(), stuckMinutes: 5)
                while !lock.withLock({ stopping }) {
                    do {
                        try source.refresh()
                        let rows = view.rows(source.shown, names: source.names, now: 0)
                        _ = view.lines(rows: rows, title: "HọcSố", now: Date(), width: 80, height: 24, scroll: 0)
                        lock.withLock {
                            refreshes += 1
                            shown = rows.count
                        }
                    } catch {
                        lock.withLock { failures.append("\(error)") }
                    }
                    Thread.sleep(forTimeInterval: 0.1)
                }
            } catch {
                lock.withLock { failures.append("open: \(error)") }
            }
        }
        self.thread = thread
        thread.start()
    }

    func stop() -> (refreshes: Int, failures: [String], shown: Int) {
        guard thread != nil else { return (0, [], 0) }
        lock.withLock { stopping = true }
        done.wait()
        // One last read after the learners finished: everyone must be on the board.
        let last = (try? BoardSource(databaseAt: path, group: nil, since: 0).shown.count) ?? 0
        return lock.withLock { (refreshes, failures, max(shown, last)) }
    }
}
