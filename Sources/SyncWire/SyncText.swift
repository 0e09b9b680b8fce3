import Foundation
import Localization

/// The sentences of the sync formats (keys, receipts, registrations, pushes), in both languages.
public enum SyncText {
    static let badPrivateKey = Phrase(
        vi: "khoá bí mật đã lưu không phải khoá Ed25519; tệp khoá bị hỏng",
        en: "the stored private key is not an Ed25519 key; the key file is damaged")
    static let signingFailed = Phrase(vi: "không ký được dữ liệu", en: "signing failed")
    static let cannotEncode = Phrase(vi: "không tạo được JSON", en: "cannot encode JSON")
    static let badEventLine = Phrase(
        vi: "một dòng sự kiện không phải JSON đúng dạng", en: "an event line is not JSON of the expected form")

    /// An event whose time lies beyond `EventLines.maxTime` from 1970.
    static func timeOutOfRange(_ seq: Int64, _ time: Int64) -> Phrase {
        Phrase(
            vi: "sự kiện số \(seq) mang thời điểm \(time) ms, ngoài mọi lịch (máy gửi đặt sai đồng hồ hoặc tệp bị sửa)",
            en:
                "event \(seq) carries the time \(time) ms, beyond any calendar (a wrong clock at the sender, or an altered file)"
        )
    }

    /// An event numbered beyond `EventLines.maxSeq`.
    static func seqTooLarge(_ seq: Int64, _ limit: Int64) -> Phrase {
        Phrase(
            vi: "một sự kiện mang số thứ tự \(seq), vượt quá giới hạn \(limit)",
            en: "an event carries sequence number \(seq), beyond the limit of \(limit)")
    }

    /// `what` is not JSON of the expected form.
    public static func notJSON(_ what: Phrase) -> Phrase {
        Phrase(vi: "\(what.vi) không phải JSON đúng dạng", en: "\(what.en) is not valid JSON of the expected form")
    }
    /// A file could not be read.
    public static func cannotRead(_ path: String) -> Phrase {
        Phrase(vi: "không đọc được '\(path)'", en: "cannot read '\(path)'")
    }
    /// A file could not be written.
    public static func cannotWrite(_ path: String) -> Phrase {
        Phrase(vi: "không ghi được '\(path)'", en: "cannot write '\(path)'")
    }
    static func rollupFile(_ path: String) -> Phrase {
        Phrase(vi: "số liệu tổng hợp '\(path)'", en: "roll-up '\(path)'")
    }
    static let aRollup = Phrase(vi: "một bản số liệu tổng hợp", en: "a roll-up")
    static func notARollup(_ format: String) -> Phrase {
        Phrase(vi: "đây không phải số liệu tổng hợp \(format)", en: "not a \(format) roll-up")
    }
    static func rollupFromOtherHub(_ hub: String, expected: String) -> Phrase {
        Phrase(
            vi: "từ chối số liệu tổng hợp: của máy chủ \(hub), không phải \(expected)",
            en: "roll-up refused: it is from hub \(hub), not \(expected)")
    }
    static func rollupBadSignature(_ hub: String) -> Phrase {
        Phrase(
            vi: "từ chối số liệu tổng hợp: chữ ký không khớp khoá của máy chủ \(hub)",
            en: "roll-up refused: the signature does not match hub \(hub)'s key")
    }
    static func receiptFile(_ path: String) -> Phrase {
        Phrase(vi: "biên nhận '\(path)'", en: "receipt '\(path)'")
    }
    static func registrationFile(_ path: String) -> Phrase {
        Phrase(vi: "tệp đăng ký '\(path)'", en: "registration file '\(path)'")
    }
    static func tooLarge(_ path: String, toBe what: Phrase) -> Phrase {
        Phrase(vi: "'\(path)' quá lớn, không thể là \(what.vi)", en: "'\(path)' is too large to be \(what.en)")
    }
    static let aReceipt = Phrase(vi: "một biên nhận", en: "a receipt")
    static let aRegistrationFile = Phrase(vi: "một tệp đăng ký", en: "a registration file")
    static func notFormat(_ path: String, _ format: String) -> Phrase {
        Phrase(vi: "'\(path)' không phải tệp \(format)", en: "'\(path)' is not a \(format) file")
    }

    // Receipts
    static func notAReceipt(_ format: String) -> Phrase {
        Phrase(vi: "đây không phải biên nhận \(format)", en: "not a \(format) receipt")
    }
    static func receiptFromOtherHub(_ hub: String, expected: String) -> Phrase {
        Phrase(
            vi: "từ chối biên nhận: nó đến từ máy chủ \(hub), không phải \(expected)",
            en: "receipt refused: it comes from hub \(hub), not \(expected)")
    }
    static func receiptBadSignature(_ hub: String) -> Phrase {
        Phrase(
            vi: "từ chối biên nhận: chữ ký không khớp khoá của máy chủ \(hub)",
            en: "receipt refused: the signature does not match hub \(hub)'s key")
    }

    // Registrations
    static func notANodeId(_ id: String) -> Phrase {
        Phrase(
            vi: "'\(id)' không phải mã nút (n- và 16 ký tự base32)",
            en: "'\(id)' is not a node id (n- and 16 base32 characters)")
    }
    static func notAPublicKey(_ node: String) -> Phrase {
        Phrase(
            vi: "khoá công khai của \(node) không phải khoá Ed25519 dạng base64",
            en: "the public key of \(node) is not a base64 Ed25519 key")
    }
    static func badNodeName(_ node: String) -> Phrase {
        Phrase(
            vi: "tên của \(node) phải dài 1–200 ký tự và không chứa ký tự điều khiển",
            en: "the name of \(node) must have 1 to 200 characters, without control characters")
    }

    // Pushes
    static func notPushBody(_ format: String) -> Phrase {
        Phrase(vi: "nội dung gửi lên không phải \(format)", en: "the body is not \(format)")
    }
    static func unreachable(_ hub: String, attempts: Int, problem: Phrase) -> Phrase {
        Phrase(
            vi:
                "không kết nối được máy chủ \(hub) sau \(attempts) lần thử: \(problem.vi); hãy kiểm tra mạng rồi thử lại",
            en: "cannot reach hub \(hub) after \(attempts) attempts: \(problem.en); check the connection and try again")
    }
    static func hubRefused(status: Int, message: Phrase?) -> Phrase {
        guard let message else {
            return Phrase(vi: "máy chủ từ chối (HTTP \(status))", en: "the hub refused (HTTP \(status))")
        }
        return Phrase(
            vi: "máy chủ từ chối (HTTP \(status)): \(message.vi)", en: "the hub refused (HTTP \(status)): \(message.en)"
        )
    }
}

extension SyncText {
    static let hubAnswer = Phrase(vi: "câu trả lời của máy chủ", en: "the hub's answer")
    static let pushHeader = Phrase(vi: "dòng đầu của nội dung gửi", en: "the push header")

    static func registrationUnsigned(_ name: String) -> Phrase {
        Phrase(
            vi: "tệp đăng ký '\(name)' không có chữ ký; hãy xin nơi gửi xuất lại tệp bằng HocSo hiện tại",
            en:
                "the registration file '\(name)' is not signed; ask its sender to export it again with the current HocSo"
        )
    }
    static func registrationBadSignature(_ name: String, node: String) -> Phrase {
        Phrase(
            vi: "tệp đăng ký '\(name)' không được ký bằng khoá của nút \(node) mà nó ghi, hoặc đã bị sửa sau khi ký",
            en:
                "the registration file '\(name)' is not signed by the key of node \(node) it names, or was changed after signing"
        )
    }
    static func unknownAlgorithm(_ algorithm: String, in name: String) -> Phrase {
        // The name comes from the file: no control characters reach a terminal.
        let algorithm = ControlCharacters.replaced(in: String(algorithm.prefix(40)))
        return Phrase(
            vi: "'\(name)' được ký bằng thuật toán lạ '\(algorithm)'; HocSo chỉ nhận ed25519",
            en: "'\(name)' is signed with an unknown algorithm '\(algorithm)'; HocSo accepts only ed25519")
    }
}
