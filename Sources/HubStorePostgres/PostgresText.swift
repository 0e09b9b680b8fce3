import Localization

/// The sentences of the PostgreSQL backend, in both languages: one per way the database can
/// fail, each saying what happened and what to do.
enum PostgresText {
    /// The server does not answer at that address.
    static func unreachable(_ place: String) -> Phrase {
        Phrase(
            vi: "không kết nối được máy chủ PostgreSQL \(place): kiểm tra máy chủ đã chạy và địa chỉ, cổng đúng",
            en: "cannot reach the PostgreSQL server \(place): check that it is running and the address and port")
    }
    /// Wrong user or password.
    static func authentication(_ place: String) -> Phrase {
        Phrase(
            vi: "PostgreSQL từ chối đăng nhập \(place): kiểm tra tên người dùng và mật khẩu trong địa chỉ",
            en: "PostgreSQL refused the sign-in \(place): check the user name and password in the URL")
    }
    /// The database named in the URL does not exist.
    static func missingDatabase(_ place: String) -> Phrase {
        Phrase(
            vi: "chưa có cơ sở dữ liệu \(place): tạo nó trước (createdb) rồi chạy lại",
            en: "the database \(place) does not exist: create it first (createdb), then run again")
    }
    /// The URL cannot be read.
    static func badURL(_ text: String) -> Phrase {
        Phrase(
            vi: "'\(text)' không phải địa chỉ postgres://người-dùng@máy:cổng/cơ-sở-dữ-liệu",
            en: "'\(text)' is not a postgres://user@host:port/database URL")
    }
    /// The server's disk is full.
    static let diskFull = Phrase(
        vi: "đĩa của máy chủ PostgreSQL đã đầy: giải phóng chỗ trống rồi thử lại",
        en: "the PostgreSQL server's disk is full: free some space, then try again")
    /// Too many connections.
    static let tooManyConnections = Phrase(
        vi: "máy chủ PostgreSQL đang có quá nhiều kết nối: thử lại sau ít phút hoặc tăng max_connections",
        en: "the PostgreSQL server has too many connections: try again in a few minutes or raise max_connections")
    /// A read-only server (a replica).
    static let readOnly = Phrase(
        vi: "cơ sở dữ liệu này chỉ cho đọc (bản sao): ghi vào máy chủ chính",
        en: "this database is read-only (a replica): write to the primary server")
    /// The connection broke while working.
    static let connectionLost = Phrase(
        vi: "mất kết nối tới máy chủ PostgreSQL giữa chừng: thử lại; nếu lặp lại, kiểm tra mạng và máy chủ",
        en:
            "the connection to the PostgreSQL server broke: try again; if it happens again, check the network and server"
    )
    /// The user may not do this.
    static let permission = Phrase(
        vi:
            "người dùng PostgreSQL không có quyền trên các bảng của trạm: cấp quyền sở hữu cơ sở dữ liệu cho người dùng này",
        en: "the PostgreSQL user lacks rights on the hub's tables: make this user the database's owner")
    /// The schema is newer than this program.
    static func newerSchema(_ migration: String) -> Phrase {
        Phrase(
            vi: "cơ sở dữ liệu đã được một phiên bản HocSo mới hơn nâng cấp (\(migration)): cập nhật hocso-hub",
            en: "the database was upgraded by a newer HocSo (\(migration)): update hocso-hub")
    }
    /// Anything else the server said, with its SQLSTATE code for whoever looks into it.
    static func other(_ state: String) -> Phrase {
        Phrase(
            vi: "PostgreSQL báo lỗi (mã \(state)): thử lại; nếu lặp lại, gửi mã này cho người quản trị",
            en:
                "PostgreSQL reported an error (code \(state)): try again; if it happens again, give this code to the administrator"
        )
    }
    /// A failure without a server code.
    static let unknown = Phrase(
        vi: "cơ sở dữ liệu PostgreSQL gặp lỗi không rõ: thử lại; nếu lặp lại, xem nhật ký máy chủ",
        en:
            "the PostgreSQL database failed for an unknown reason: try again; if it happens again, read the server's log"
    )
    /// Roll-ups only: a hub on events is asked for roll-up numbers or the other way round.
    static let mixedSource = Phrase(
        vi: "máy chủ này giữ số liệu tổng hợp, không giữ từng sự kiện: danh sách này chỉ có ở cấp tỉnh",
        en: "this hub holds roll-ups, not single events: this list is kept at the province")
}
