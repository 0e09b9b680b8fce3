/// Why a report, an import or an account operation failed. Messages never carry learner data.
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it is; the dashboard maps kinds to HTTP statuses.
    public enum Kind: String, Sendable, Equatable {
        /// A filter or argument is not acceptable (bad date, unknown level).
        case invalid
        /// The area, course or user asked for does not exist.
        case notFound = "not-found"
        /// The area asked for lies outside the caller's own area.
        case forbidden
        /// An input file (areas CSV) has errors; `details` lists them with row numbers.
        case badInput = "bad-input"
        /// SQLite failed or the database disagrees with itself.
        case storage
    }

    /// What kind of failure it is.
    public var kind: Kind
    /// One lower-case line saying what went wrong.
    public var message: String
    /// Further lines, e.g. one per bad CSV row (`row 7: …`).
    public var details: [String]

    /// Makes an error.
    public init(_ kind: Kind, _ message: String, details: [String] = []) {
        self.kind = kind
        self.message = message
        self.details = details
    }

    /// The message, then each detail on its own line.
    public var description: String { ([message] + details).joined(separator: "\n") }
}
