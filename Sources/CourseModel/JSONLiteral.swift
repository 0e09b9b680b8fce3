/// JSON values written by hand where `JSONEncoder` is too slow or too loose about layout: the
/// event payloads a centre stores (one per answer, byte-stable for hashing), the report JSON, and
/// the generated province that must look like centres wrote it.
public enum JSONLiteral {
    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest UTF-8.
    public static func string(_ s: String) -> String {
        // Most strings (names, codes, titles) need no escaping at all.
        if !s.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
            return "\"" + s + "\""
        }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `[…]` of string literals.
    public static func array(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ",") + "]" }

    /// A finite number: whole values without a fraction (`1`), others in Swift's shortest form
    /// (`62.5`); nil for infinities and NaN, which JSON cannot write — each caller says what stands in.
    public static func number(_ d: Double) -> String? {
        guard d.isFinite else { return nil }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 { return String(Int64(d)) }
        return String(d)
    }
}

extension Response {
    /// The stored form, `{"choice":"id"}` and its siblings: compact, multiple picks sorted, text
    /// NFC, pairs by sorted key — the same JSON `encode(to:)` gives, byte-stable.
    public var storedJSON: String {
        switch self {
        case .choice(let id): "{\"choice\":\(JSONLiteral.string(id))}"
        case .choices(let ids): "{\"choices\":\(JSONLiteral.array(ids.sorted()))}"
        case .text(let text): "{\"text\":\(JSONLiteral.string(VietnameseText.nfc(text)))}"
        case .order(let ids): "{\"order\":\(JSONLiteral.array(ids))}"
        case .pairs(let pairs):
            "{\"pairs\":{"
                + pairs.keys.sorted().map { "\(JSONLiteral.string($0)):\(JSONLiteral.string(pairs[$0] ?? ""))" }
                .joined(separator: ",") + "}}"
        }
    }
}
