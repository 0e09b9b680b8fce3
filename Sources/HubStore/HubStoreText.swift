import Localization

/// The sentences of the hub database, whatever its backend, in both languages.
public enum HubStoreText {
    /// How messages name the hub database.
    public static let database = Phrase(vi: "cơ sở dữ liệu máy chủ", en: "the hub database")
    /// A node id of the wrong form.
    public static func notANodeId(_ id: String) -> Phrase {
        Phrase(
            vi: "'\(id)' không phải mã nút (n- và 16 chữ cái hoặc chữ số)",
            en: "'\(id)' is not a node id (n- and 16 letters or digits)")
    }
    /// A public key of the wrong form.
    public static let notAPublicKey = Phrase(
        vi: "khoá công khai không phải khoá Ed25519 dạng base64", en: "the public key is not a base64 Ed25519 key")
    /// A node registered again with another key.
    public static func otherKey(_ node: String) -> Phrase {
        Phrase(
            vi: "nút \(node) đã được đăng ký với một khoá khác",
            en: "node \(node) is already registered with another key")
    }
    /// A key that belongs to another node.
    public static func keyTaken(by owner: String) -> Phrase {
        Phrase(
            vi: "khoá công khai này đã thuộc về nút \(owner)", en: "this public key already belongs to node \(owner)")
    }
    /// A node that is not registered.
    public static func unknownNode(_ node: String) -> Phrase {
        Phrase(vi: "nút \(node) chưa đăng ký ở máy chủ này", en: "no node \(node) is registered at this hub")
    }
    /// A revoked node registering again.
    public static func revokedForGood(_ node: String) -> Phrase {
        Phrase(
            vi: "nút \(node) đã bị thu hồi; nút đã thu hồi không thể đăng ký lại",
            en: "node \(node) was revoked; a revoked node cannot come back")
    }
    /// An area code that is not in the hub.
    public static func unknownArea(_ code: String) -> Phrase {
        Phrase(
            vi: "không có địa bàn mã '\(code)'; hãy nhập danh sách địa bàn trước (hocso-hub areas import)",
            en: "no area with code '\(code)'; import it first (hocso-hub areas import)")
    }
    /// A centre attached to an area that is not a commune.
    public static func notACommune(_ code: String, level: String) -> Phrase {
        Phrase(
            vi: "'\(code)' là cấp \(level), không phải xã; trung tâm chỉ gắn với xã",
            en: "'\(code)' is a \(level), not a commune; centres attach to communes")
    }
    /// A node name of the wrong form.
    public static let badName = Phrase(
        vi: "tên phải dài 1–200 ký tự và không chứa ký tự điều khiển",
        en: "the name must have 1 to 200 characters, without control characters")
    /// A registration that disappeared inside its own transaction.
    public static let registrationVanished = Phrase(
        vi: "bản đăng ký vừa ghi đã biến mất; hãy thử lại", en: "the registration vanished; try again")
}
