/// Why an account operation or a dashboard request failed. Messages carry no learner data.
public struct DashboardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure it is; pages map kinds to HTTP statuses.
    public enum Kind: String, Sendable, Equatable {
        /// A value is not acceptable (username, password, area).
        case invalid
        /// The user, area or link does not exist.
        case notFound = "not-found"
        /// The user exists already.
        case exists
        /// The database failed.
        case storage
    }

    /// What kind of failure it is.
    public var kind: Kind
    /// One lower-case line.
    public var message: String

    /// Makes an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
