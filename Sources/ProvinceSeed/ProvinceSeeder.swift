import CourseModel
import Foundation
import HubStore
import LearnerEvents
import Reports

/// Generates a realistic province into a hub database: areas, centres, learners and the events
/// they would have sent while taking the bundled courses. Deterministic for a seed, but for the
/// order in which the writers' centres arrive.
///
/// Events go in through the hub store's own `insert` (the import path), one centre per
/// transaction, so the generated database is exactly what importing real bundles makes.
public struct ProvinceSeeder: Sendable {
    /// How big the map is.
    public enum Scale: String, Sendable, CaseIterable {
        /// 2 districts, a few communes: for tests.
        case small
        /// 4 districts, ~40 communes.
        case medium
        /// 9 districts and ~130 communes, 3 of them straight under the province (post-2025).
        case province
        /// The whole country as after the 2025 reorganisation: 34 provinces, ~3,300 communes
        /// straight under them, no districts.
        case nation
    }

    /// What was generated.
    public struct Summary: Sendable, Equatable {
        /// Areas (province, districts, communes).
        public var areas = 0
        /// Centres.
        public var centres = 0
        /// Learners.
        public var learners = 0
        /// Events of every kind.
        public var events = 0
        /// `answer.submitted` events.
        public var answers = 0
    }

    /// The courses learners take (their structure drives the events).
    public var courses: [Course]
    /// The seed.
    public var seed: UInt64
    /// How many learners.
    public var learners: Int
    /// How big the map is.
    public var scale: Scale
    /// The first day of the campaign the events span (a year from it).
    public var campaignStart: LocalDate
    /// The share of learners who go on to take courses; the rest register and do nothing more,
    /// as many do in a mass campaign (1 = everyone takes one to three courses).
    public var activeShare: Double
    /// Centres generated and inserted at once (a database with one writer takes them in turn).
    public var writers: Int
    /// Whether the aggregates are folded while the writers write, as a hub under import does
    /// (worth it where folds and inserts run side by side: PostgreSQL).
    public var foldsWhileWriting: Bool

    /// Makes a seeder; only Vietnamese-language courses are used (a Vietnamese province).
    public init(
        courses: [Course], seed: UInt64 = 1, learners: Int = 200_000, scale: Scale = .province,
        campaignStart: LocalDate = LocalDate("2025-03-01") ?? LocalDate(day: 20_148), activeShare: Double = 1,
        writers: Int = 2, foldsWhileWriting: Bool = false
    ) {
        let vietnamese = courses.filter { $0.language == "vi" }
        self.courses = (vietnamese.isEmpty ? courses : vietnamese).sorted { $0.id < $1.id }
        self.seed = seed
        self.learners = learners
        self.scale = scale
        self.campaignStart = campaignStart
        self.activeShare = min(max(activeShare, 0), 1)
        self.writers = max(1, writers)
        self.foldsWhileWriting = foldsWhileWriting
    }

    /// Writes the province into `store` (which should be empty), then its course outlines.
    /// `progress` is told (0, total) once the map and centres are in place, then after each
    /// centre (done, total).
    public func run(
        into store: some HubStore & ReportSource, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> Summary {
        var rng = SeedRandom.derived(seed, 1)
        let map = makeMap(&rng)
        var summary = Summary(areas: map.areas.count, centres: map.centres.count)
        try store.saveAreas(map.areas)
        // Seeding again (the benchmarks' re-import) leaves centres registered as they are alone,
        // as importing their bundles again would.
        let registered = Dictionary(try store.centers().map { ($0.nodeId, $0) }, uniquingKeysWith: { a, _ in a })
        for centre in map.centres where registered[centre.center.nodeId] != centre.center {
            _ = try store.register(centre.center)
        }
        let plans = courses.map { CoursePlan($0, seed: seed) }
        // Learners per centre: busy and quiet centres (log-normal weights), same total.
        let weights = map.centres.map { $0.weight }
        let totalWeight = weights.reduce(0, +)
        let shares: [Int] = {
            var remaining = learners
            return map.centres.indices.map { i in
                let share =
                    i == map.centres.count - 1
                    ? remaining : min(remaining, Int((Double(learners) * weights[i] / totalWeight).rounded()))
                remaining -= share
                return share
            }
        }()
        let generate = { @Sendable (i: Int, memo: CentreSimulation.AnswerMemo) -> [Event] in
            var local = SeedRandom.derived(seed, 2, UInt64(i))
            let sim = CentreSimulation(
                centre: map.centres[i], plans: plans, campaignStart: campaignStart, activeShare: activeShare,
                answers: memo)
            return sim.events(learners: shares[i], &local)
        }
        // Each writer generates a centre's events and inserts them, as importers each read a
        // bundle and send it: one generates while another's rows are written. Writers wait on the
        // database, so each has a thread of its own rather than a place in a pool sized to the cores.
        progress(0, map.centres.count)
        let work = SeedWork(centres: map.centres.count)
        let writing = Self.onThreads(writers + (foldsWhileWriting ? 1 : 0)) { writer in
            guard writer < writers else {
                // As `hocso-hub serve` does under import: fold what has arrived, now and again.
                while !work.isOver {
                    do { try store.refreshAggregates() } catch { return work.fail(error) }
                    work.waitAWhile()
                }
                return
            }
            let memo = CentreSimulation.AnswerMemo()
            while let i = work.next() {
                let events = generate(i, memo)
                do {
                    _ = try store.insert(
                        events, via: map.centres[i].center.nodeId, receivedAt: events.last?.recordedAt ?? 0)
                } catch {
                    return work.fail(error)
                }
                work.finish(
                    learners: shares[i], events: events.count,
                    answers: events.lazy.filter { $0.kind == .answerSubmitted }.count)
            }
        }
        // Progress is told here, on the caller's thread, as the writers get on.
        var told = 0
        while true {
            let over = writing.wait(timeout: .now() + .milliseconds(200)) == .success
            while told < work.done {
                told += 1
                progress(told, map.centres.count)
            }
            if over { break }
        }
        if let failure = work.failure { throw failure }
        summary.learners = work.summary.learners
        summary.events = work.summary.events
        summary.answers = work.summary.answers
        try store.saveOutlines(courses.map(CourseOutline.init))
        return summary
    }

    /// Starts `body(0)`, `body(1)`… `body(count - 1)` each on a thread of its own; the group is
    /// done when all have returned.
    static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) -> DispatchGroup {
        let done = DispatchGroup()
        for index in 0..<count {
            done.enter()
            Thread {
                body(index)
                done.leave()
            }.start()
        }
        return done
    }

    /// The writers' shared state: the next centre, the sums, the first failure.
    final class SeedWork: @unchecked Sendable {
        private let lock = NSLock()
        /// Signalled when the work is over, so a folder waiting between folds stops at once.
        private let over = DispatchSemaphore(value: 0)
        private let centres: Int
        private var nextCentre = 0
        private var written = 0
        private(set) var summary = Summary()
        private(set) var failure: (any Error)?

        init(centres: Int) { self.centres = centres }

        /// The next centre to write, or nil when all are taken or a writer failed.
        func next() -> Int? {
            lock.withLock {
                guard failure == nil, nextCentre < centres else { return nil }
                defer { nextCentre += 1 }
                return nextCentre
            }
        }

        /// Counts a written centre.
        func finish(learners: Int, events: Int, answers: Int) {
            lock.withLock {
                summary.learners += learners
                summary.events += events
                summary.answers += answers
                written += 1
                if written == centres { over.signal() }
            }
        }

        /// Waits a second, or less when the last centre is written or a writer fails.
        func waitAWhile() { _ = over.wait(timeout: .now() + 1) }

        /// Centres written so far.
        var done: Int { lock.withLock { written } }

        /// Whether every centre is written, or a writer failed.
        var isOver: Bool { lock.withLock { failure != nil || written == centres } }

        /// Stops the writers; the first failure is the one reported.
        func fail(_ error: any Error) {
            lock.withLock { failure = failure ?? error }
            over.signal()
        }
    }

    /// A centre of the generated map, with how busy it is.
    struct SeedCentre {
        var center: Center
        var communeName: String
        var weight: Double
    }

    /// Areas (parents first) and centres.
    func makeMap(_ rng: inout SeedRandom) -> (areas: [Area], centres: [SeedCentre]) {
        let (districtCount, communesPerDistrict, direct): (Int, ClosedRange<Int>, Int) =
            switch scale {
            case .small: (2, 2...3, 1)
            case .medium: (4, 8...11, 2)
            case .province: (9, 12...16, 3)
            case .nation: (0, 0...0, 0)
            }
        var areas: [Area] = []
        var communes: [(code: String, name: String)] = []
        var usedNames = Set<String>()
        func communeName(_ rng: inout SeedRandom) -> String {
            while true {
                let a = rng.pick(SeedNames.communeFirst)
                let b = rng.pick(SeedNames.communeSecond)
                let kind = rng.chance(0.12) ? "Phường" : rng.chance(0.08) ? "Thị trấn" : "Xã"
                let name = "\(kind) \(a) \(b)"
                if a != b, usedNames.insert(name).inserted { return name }
            }
        }
        if scale == .nation {
            // Names are unique within a province only (the pool is too small for 3,300, and the
            // country repeats commune names across provinces too).
            for p in 0..<Self.nationProvinces {
                let code = String(format: "%02d", p + 1)
                let name =
                    SeedNames.communeFirst[p % SeedNames.communeFirst.count] + " "
                    + SeedNames.communeSecond[(p * 7 + 3) % SeedNames.communeSecond.count]
                areas.append(Area(code: code, name: "Tỉnh \(name)", level: .province))
                usedNames = []
                for c in 0..<rng.int(Self.nationCommunesPerProvince) {
                    let cc = "\(code)\(String(format: "%03d", c + 1))"
                    let name = communeName(&rng)
                    areas.append(Area(code: cc, name: name, level: .commune, parentCode: code))
                    communes.append((cc, name))
                }
            }
            return (areas, centres(of: communes, &rng))
        }
        areas.append(Area(code: "26", name: SeedNames.province, level: .province))
        let districtNames = SeedNames.districtParts.shuffled(using: &rng)
        for d in 0..<districtCount {
            let code = "26\(d + 1)"
            areas.append(
                Area(
                    code: code, name: "Huyện \(districtNames[d % districtNames.count])", level: .district,
                    parentCode: "26"))
            for c in 0..<rng.int(communesPerDistrict) {
                let cc = "\(code)\(String(format: "%02d", c + 1))"
                let name = communeName(&rng)
                areas.append(Area(code: cc, name: name, level: .commune, parentCode: code))
                communes.append((cc, name))
            }
        }
        // Since mid-2025 communes sit straight under the province; keep a few like that.
        for c in 0..<direct {
            let cc = "260\(String(format: "%02d", c + 1))"
            let name = communeName(&rng)
            areas.append(Area(code: cc, name: name, level: .commune, parentCode: "26"))
            communes.append((cc, name))
        }
        return (areas, centres(of: communes, &rng))
    }

    /// Provinces of the `nation` scale (since 1 July 2025).
    static let nationProvinces = 34
    /// Communes per province of the `nation` scale: about 3,300 in all.
    static let nationCommunesPerProvince = 93...101

    /// One to three centres per commune, each with its own key and how busy it is.
    func centres(of communes: [(code: String, name: String)], _ rng: inout SeedRandom) -> [SeedCentre] {
        var centres: [SeedCentre] = []
        for commune in communes {
            let count = rng.weighted([0.55, 0.35, 0.10]) + 1
            let place = commune.name.split(separator: " ").dropFirst().joined(separator: " ")
            for k in 0..<count {
                let kind = rng.pick(SeedNames.centreKinds)
                let name =
                    kind == "Nhà văn hoá"
                    ? "\(kind) \(rng.pick(SeedNames.villages)), \(place)"
                    : k == 0 ? "\(kind) \(place)" : "\(kind) \(place) \(k + 1)"
                let node =
                    "n-" + String((0..<16).map { _ in Array("abcdefghijklmnopqrstuvwxyz234567")[rng.int(0...31)] })
                let key = Data((0..<32).map { _ in UInt8(truncatingIfNeeded: rng.next()) }).base64EncodedString()
                let center = Center(
                    nodeId: node, publicKey: key, name: name, communeCode: commune.code,
                    registeredAt: campaignStart.startMillis - 86_400_000 * 14)
                centres.append(SeedCentre(center: center, communeName: commune.name, weight: exp(rng.normal() * 0.6)))
            }
        }
        return centres
    }
}
