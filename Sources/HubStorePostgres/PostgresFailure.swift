import HubStore
import Localization
import NIOCore
import NIOPosix
import PostgresNIO

/// Turns what PostgresNIO throws into one sentence per case (unreachable, sign-in refused,
/// database missing, disk full…), never the driver's own text.
enum PostgresFailure {
    /// SQLSTATE codes a retry can cure: serialization failures and deadlocks.
    static let retryable: Set<String> = ["40001", "40P01"]
    /// SQLSTATE classes that mean one row's data is wrong (a check, a key, a type).
    static func isDataError(_ error: any Error) -> Bool {
        guard let state = sqlState(error) else { return false }
        return state.hasPrefix("22") || state.hasPrefix("23")
    }

    /// The server's SQLSTATE, when the server answered.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Whether the connection itself is unusable after `error`.
    static func isConnectionLevel(_ error: any Error) -> Bool {
        if error is HubStoreError || error is PostgresDecodingError || error is PostgresHubStore.StraightCopyRefused {
            return false
        }
        guard let error = error as? PSQLError else { return true }
        switch error.code {
        case .server: return false
        default: return true
        }
    }

    /// The phrase for `error`, naming `place` when the server could not be reached or entered.
    static func phrase(for error: any Error, place: String) -> Phrase {
        if let error = error as? HubStoreError { return error.phrase }
        if let state = sqlState(error) {
            switch state {
            case "28P01", "28000": return PostgresText.authentication(place)
            case "3D000": return PostgresText.missingDatabase(place)
            case "53100": return PostgresText.diskFull
            case "53300": return PostgresText.tooManyConnections
            case "25006": return PostgresText.readOnly
            case "42501": return PostgresText.permission
            case "57P01", "57P02", "57P03": return PostgresText.connectionLost
            default: return PostgresText.other(state)
            }
        }
        if let error = error as? PSQLError {
            switch error.code {
            case .connectionError:
                return PostgresText.unreachable(place)
            case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return PostgresText.connectionLost
            case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
                return PostgresText.authentication(place)
            default:
                return PostgresText.unknown
            }
        }
        if error is NIOConnectionError || error is IOError || error is ChannelError {
            return PostgresText.unreachable(place)
        }
        return PostgresText.unknown
    }

    /// `error` as the store's own error kind.
    static func storeError(_ error: any Error, place: String, opening: Bool = false) -> HubStoreError {
        if let error = error as? HubStoreError { return error }
        return HubStoreError(opening ? .cannotOpen : .storage, phrase(for: error, place: place))
    }
}
