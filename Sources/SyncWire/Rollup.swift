import Foundation
import HubStore

/// What a province hub sends a national hub instead of events: counts per area (commune) ×
/// course × birth year × gender × week, and the activity and registration counts the
/// completion, activity and inclusion reports read. No learner code, name or event leaves the
/// province; the smallest unit is a commune's cohort of one week.
///
/// Idempotent by (province, period, version): the national hub keeps each once, and reports
/// from each province's highest period, then version.
public struct Rollup: Sendable, Equatable, Codable {
    /// The format marker.
    public static let format = "hocso-rollup-1"

    /// How many of an area's learners took `hours` whole hours to complete a course (medians).
    public struct Hours: Sendable, Equatable, Codable {
        /// The area.
        public var area: String
        /// The course.
        public var course: String
        /// Whole hours from first opening to completion.
        public var hours: Int
        /// Learners.
        public var learners: Int

        /// Makes a row.
        public init(area: String, course: String, hours: Int, learners: Int) {
            self.area = area
            self.course = course
            self.hours = hours
            self.learners = learners
        }
    }

    /// Distinct active learners and answers of an area in one week or month.
    public struct Activity: Sendable, Equatable, Codable {
        /// `week` or `month`.
        public var period: ReportPeriod
        /// The period's first local day.
        public var day: Int
        /// The area.
        public var area: String
        /// Distinct learners with any learning event.
        public var learners: Int
        /// Answers submitted.
        public var answers: Int

        /// Makes a row.
        public init(period: ReportPeriod, day: Int, area: String, learners: Int, answers: Int) {
            self.period = period
            self.day = day
            self.area = area
            self.learners = learners
            self.answers = answers
        }
    }

    /// Learners registered in an area with one birth year and gender.
    public struct Registration: Sendable, Equatable, Codable {
        /// The area.
        public var area: String
        /// Birth year, when known.
        public var birthYear: Int?
        /// Gender, when known.
        public var gender: String?
        /// Learners.
        public var learners: Int

        /// Makes a row.
        public init(area: String, birthYear: Int?, gender: String?, learners: Int) {
            self.area = area
            self.birthYear = birthYear
            self.gender = gender
            self.learners = learners
        }
    }

    /// `hocso-rollup-1`.
    public var format: String
    /// The province hub's node id.
    public var province: String
    /// The last local day the counts cover.
    public var period: Int
    /// The province's version for this period (ms since 1970 when made: later is newer).
    public var version: Int64
    /// The province's areas, so the national hub can place and scope the counts.
    public var areas: [Area]
    /// Course outlines (titles, lessons): no learner data.
    public var outlines: [CourseOutline]
    /// The latest activity counted, ms since 1970.
    public var latestActivity: Int64?
    /// Cohorts: learners of one area who first opened a course in one week, with the milestones
    /// reached by the roll-up's period; `place` is the commune's area code (or the province's,
    /// for centres attached to no commune).
    public var cohorts: [CohortCount]
    /// Completion times.
    public var hours: [Hours]
    /// Weekly and monthly activity.
    public var activity: [Activity]
    /// Registered learners.
    public var registrations: [Registration]

    /// Makes a roll-up.
    public init(
        province: String, period: Int, version: Int64, areas: [Area], outlines: [CourseOutline],
        latestActivity: Int64?, cohorts: [CohortCount], hours: [Hours], activity: [Activity],
        registrations: [Registration]
    ) {
        format = Self.format
        self.province = province
        self.period = period
        self.version = version
        self.areas = areas
        self.outlines = outlines
        self.latestActivity = latestActivity
        self.cohorts = cohorts
        self.hours = hours
        self.activity = activity
        self.registrations = registrations
    }

    /// The bytes the signature covers: a domain line, then the canonical JSON.
    public func signedBytes() throws -> Data {
        Data("hocso-rollup-1\n".utf8) + (try CanonicalJSON.encode(self))
    }
}

/// A roll-up with the province hub's Ed25519 signature.
public struct SignedRollup: Sendable, Equatable, Codable {
    /// The roll-up.
    public var rollup: Rollup
    /// Ed25519 signature of `rollup`'s signed bytes, base64.
    public var signature: String

    /// Signs a roll-up with the province hub's key.
    public init(_ rollup: Rollup, key: NodeKey) throws {
        self.rollup = rollup
        signature = try key.sign(try rollup.signedBytes())
    }

    /// The roll-up, when it is in this format, names `province` and is signed by its key.
    public func verified(province: String, publicKey: String) throws -> Rollup {
        guard rollup.format == Rollup.format else { throw SyncError(.invalid, SyncText.notARollup(Rollup.format)) }
        guard rollup.province == province else {
            throw SyncError(.badSignature, SyncText.rollupFromOtherHub(rollup.province, expected: province))
        }
        guard NodeKey.verify(signature: signature, of: try rollup.signedBytes(), publicKey: publicKey) else {
            throw SyncError(.badSignature, SyncText.rollupBadSignature(province))
        }
        return rollup
    }

    /// The document as sent and stored (canonical JSON).
    public func encoded() throws -> Data { try CanonicalJSON.encode(self) }

    /// Reads a document (a file or a request body).
    public static func decode(_ data: Data, what: String) throws -> SignedRollup {
        guard data.count < 256 * 1024 * 1024 else {
            throw SyncError(.tooLarge, SyncText.tooLarge(what, toBe: SyncText.aRollup))
        }
        return try CanonicalJSON.decode(SignedRollup.self, from: data, what: SyncText.rollupFile(what))
    }
}
