import Foundation
import Localization
import NIOCore

/// Why the server could not run, for the person who started it: never NIO's raw error text.
public enum ServerFailure {
    /// One sentence for `error` thrown while binding or running the server.
    public static func phrase(for error: any Error) -> Phrase {
        if let phrased = error as? any PhrasedError { return phrased.phrase }
        if let error = error as? IOError {
            switch error.errnoCode {
            case EADDRINUSE:
                return Phrase(
                    vi:
                        "cổng này đang được một chương trình khác dùng; hãy chọn cổng khác bằng --port hoặc dừng chương trình kia",
                    en: "the port is already in use; choose another with --port or stop the other program")
            case EACCES:
                return Phrase(
                    vi: "không được mở cổng này (cổng dưới 1024 cần quyền quản trị); hãy chọn cổng khác bằng --port",
                    en: "this port may not be opened (ports below 1024 need root); choose another with --port")
            case EADDRNOTAVAIL:
                return Phrase(
                    vi: "địa chỉ --host không thuộc máy này; hãy dùng 127.0.0.1 hoặc một địa chỉ của máy",
                    en: "the --host address is not one of this machine's; use 127.0.0.1 or one of its addresses")
            default:
                break
            }
        }
        return Phrase(
            vi: "máy chủ không chạy được; hãy xem nhật ký rồi thử lại",
            en: "the server could not run; see its log and try again")
    }
}
