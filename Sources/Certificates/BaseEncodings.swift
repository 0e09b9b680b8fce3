import Foundation

/// Bitcoin's base58 alphabet (base58btc), which multibase marks with a leading `z`: did:key
/// identifiers and `proofValue`s are written in it.
public enum Base58 {
    static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    static let values: [UInt8: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset) })

    /// `bytes` in base58btc (each leading zero byte becomes a `1`).
    public static func encode(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix { $0 == 0 }.count
        var digits: [Int] = []  // base-58 digits, least significant first
        for byte in bytes.dropFirst(zeros) {
            var carry = Int(byte)
            for i in digits.indices {
                carry += digits[i] << 8
                digits[i] = carry % 58
                carry /= 58
            }
            while carry > 0 {
                digits.append(carry % 58)
                carry /= 58
            }
        }
        let text = Array(repeating: alphabet[0], count: zeros) + digits.reversed().map { alphabet[$0] }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of base58btc `text`; nil when a character is outside the alphabet.
    public static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        let zeros = characters.prefix { $0 == alphabet[0] }.count
        var bytes: [UInt8] = []  // least significant first
        for character in characters.dropFirst(zeros) {
            guard var carry = values[character] else { return nil }
            for i in bytes.indices {
                carry += Int(bytes[i]) * 58
                bytes[i] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        return Array(repeating: 0, count: zeros) + bytes.reversed()
    }
}

/// Base45 (RFC 9285): bytes as the characters a QR code's alphanumeric mode stores in 5.5 bits
/// each, so a code carries about a third more than with base64 in byte mode.
public enum Base45 {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
    static let values: [UInt8: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset) })

    /// `bytes` in base45.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2 + 2)
        var index = 0
        while index + 1 < bytes.count {
            var n = Int(bytes[index]) * 256 + Int(bytes[index + 1])
            for _ in 0..<3 {
                out.append(alphabet[n % 45])
                n /= 45
            }
            index += 2
        }
        if index < bytes.count {
            let n = Int(bytes[index])
            out += [alphabet[n % 45], alphabet[n / 45]]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of base45 `text`; nil for a character outside the alphabet or a group out of range.
    public static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 3 != 1 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < characters.count {
            let group = characters[index..<min(index + 3, characters.count)]
            var n = 0
            var scale = 1
            for character in group {
                guard let value = values[character] else { return nil }
                n += value * scale
                scale *= 45
            }
            if group.count == 3 {
                guard n <= 0xFFFF else { return nil }
                out += [UInt8(n >> 8), UInt8(n & 0xFF)]
            } else {
                guard n <= 0xFF else { return nil }
                out.append(UInt8(n))
            }
            index += 3
        }
        return out
    }
}
