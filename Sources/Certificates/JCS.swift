import Foundation

/// The JSON Canonicalization Scheme (RFC 8785): the one byte form of a JSON value that the
/// `eddsa-jcs-2022` proof hashes.
///
/// The two places implementations differ are done as the RFC says: object members sorted by
/// the UTF-16 code units of their names (not by scalars or UTF-8 bytes), and numbers written as
/// ECMAScript's `Number.prototype.toString` writes them (RFC 8785 §3.2.2.3).
public enum JCS {
    /// The canonical UTF-8 bytes of `value`; throws for a number JSON cannot hold (NaN, infinity).
    public static func canonicalize(_ value: JSONValue) throws(JCSError) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        try write(value, into: &out)
        return Data(out)
    }

    /// The canonical text of `value`.
    public static func string(_ value: JSONValue) throws(JCSError) -> String {
        String(decoding: try canonicalize(value), as: UTF8.self)
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8]) throws(JCSError) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let number): out += Array(try format(number).utf8)
        case .string(let text): writeString(text, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                try write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.0.utf16.lexicographicallyPrecedes($1.0.utf16) }
            for (offset, member) in sorted.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.0, into: &out)
                out.append(UInt8(ascii: ":"))
                try write(member.1, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A string as RFC 8785 §3.2.2.2 writes it: the short escapes where JSON has them, `\u00xx`
    /// (lower-case hex) for other controls, everything else as its own UTF-8.
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `number` as ECMAScript's `Number.prototype.toString` (ECMA-262 §6.1.6.1.20) writes it.
    ///
    /// Swift's `description` already gives the shortest digits that round-trip, nearest to the
    /// value (the digits ECMAScript asks for); only the layout differs, so it is taken apart into
    /// digits `s` and the decimal point position `n` and laid out by ECMAScript's rules.
    public static func format(_ number: Double) throws(JCSError) -> String {
        guard number.isFinite else { throw JCSError.notFinite }
        if number == 0 { return "0" }  // also -0
        if number < 0 { return "-" + (try format(-number)) }
        let (digits, n) = decompose(number.description)
        let k = digits.count
        if k <= n, n <= 21 { return digits + String(repeating: "0", count: n - k) }
        if 0 < n, n <= 21 {
            return String(digits.prefix(n)) + "." + String(digits.dropFirst(n))
        }
        if -6 < n, n <= 0 { return "0." + String(repeating: "0", count: -n) + digits }
        let exponent = n - 1
        let sign = exponent < 0 ? "-" : "+"
        let mantissa = k == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
        return mantissa + "e" + sign + String(abs(exponent))
    }

    /// Swift's text of a positive double (`1.5`, `1e-07`, `1.2345e+20`) as significant digits
    /// without leading or trailing zeros, and `n`: the value is 0.`digits` × 10^`n`.
    static func decompose(_ text: String) -> (digits: String, n: Int) {
        let parts = text.lowercased().split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = String(pieces[0])
        let fraction = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = Array(integer + fraction)
        var point = integer.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (String(digits), point)
    }
}

/// Why a value has no canonical form.
public enum JCSError: Error, Sendable, Equatable {
    /// NaN or an infinity: JSON has no such number.
    case notFinite
}
