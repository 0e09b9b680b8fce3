import AsyncHTTPClient
import Foundation
import Localization
import NIOCore
import NIOPosix

/// What a failed connection means for a person: the hub is not answering, its name is unknown,
/// it timed out — never NIO's or Foundation's raw error text.
public enum NetworkFailure {
    /// One sentence for `error` thrown while talking to `hub`.
    public static func phrase(for error: any Error, hub: String) -> Phrase {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .deadlineExceeded, .readTimeout, .writeTimeout, .tlsHandshakeTimeout,
                .getConnectionFromPoolTimeout:
                return timedOut(hub)
            case .remoteConnectionClosed:
                return Phrase(
                    vi: "máy chủ \(hub) ngắt kết nối giữa chừng; hãy thử lại",
                    en: "hub \(hub) closed the connection midway; try again")
            case .invalidURL, .emptyHost:
                return badAddress(hub)
            default:
                return generic(hub)
            }
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return Phrase(
                    vi: "không tìm thấy tên máy chủ \(hub); hãy kiểm tra địa chỉ và mạng",
                    en: "the name of hub \(hub) cannot be found; check the address and the network")
            }
            if let first = error.connectionErrors.first { return phrase(for: first.error, hub: hub) }
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED:
                return Phrase(
                    vi:
                        "máy chủ \(hub) không trả lời (kết nối bị từ chối): máy chủ có đang chạy và địa chỉ có đúng không?",
                    en: "hub \(hub) is not answering (connection refused): is it running, and is the address right?")
            case ENETUNREACH, EHOSTUNREACH, ENETDOWN:
                return Phrase(
                    vi: "không có đường mạng tới máy chủ \(hub); hãy kiểm tra kết nối mạng",
                    en: "there is no network route to hub \(hub); check the connection")
            case ETIMEDOUT:
                return timedOut(hub)
            default:
                return generic(hub)
            }
        }
        if let error = error as? ChannelError, case .connectTimeout = error { return timedOut(hub) }
        return generic(hub)
    }

    private static func timedOut(_ hub: String) -> Phrase {
        Phrase(
            vi: "máy chủ \(hub) không trả lời kịp; mạng có thể chậm, hãy thử lại sau",
            en: "hub \(hub) did not answer in time; the network may be slow, try again later")
    }

    private static func badAddress(_ hub: String) -> Phrase {
        Phrase(
            vi: "địa chỉ máy chủ '\(hub)' không hợp lệ; hãy viết dạng http://tên-máy:cổng",
            en: "the hub address '\(hub)' is not valid; write it as http://host:port")
    }

    private static func generic(_ hub: String) -> Phrase {
        Phrase(
            vi: "không kết nối được máy chủ \(hub); hãy kiểm tra mạng rồi thử lại",
            en: "cannot connect to hub \(hub); check the network and try again")
    }
}
