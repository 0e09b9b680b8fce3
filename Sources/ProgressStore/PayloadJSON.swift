import CourseModel

/// The stored JSON of payloads and responses, written by hand: compact, keys sorted, stable.
///
/// Recording an answer is the hot path (one per commit, see `tools/bench-answers`), and
/// Foundation's `JSONEncoder` cost more than all the SQL of a commit together. The output is
/// plain JSON that `JSONDecoder` reads back into the same `EventPayload`.
enum PayloadJSON {
    /// `payload` as a JSON object with its keys in sorted order and absent fields left out.
    static func encode(_ p: EventPayload) -> String {
        var o = ObjectWriter()
        // Keys in byte order, as `sortedKeys` would put them.
        o.int("birthYear", p.birthYear)
        o.string("commune", p.commune)
        o.bool("correct", p.correct)
        o.int("elapsedMs", p.elapsedMs)
        o.bool("final", p.final)
        o.string("gender", p.gender)
        o.int("hintsUsed", p.hintsUsed)
        o.raw("mastery", p.mastery.map(encode))
        o.number("maxScore", p.maxScore)
        o.bool("passed", p.passed)
        o.bool("practice", p.practice)
        o.raw("response", p.response.map(encode))
        o.number("score", p.score)
        o.raw("wrong", p.wrong.map(array))
        return o.finish()
    }

    /// A response as `{"choice":"id"}` and its siblings (multiple picks sorted, text NFC).
    static func encode(_ r: Response) -> String {
        switch r {
        case .choice(let id): "{\"choice\":\(string(id))}"
        case .choices(let ids): "{\"choices\":\(array(ids.sorted()))}"
        case .text(let text): "{\"text\":\(string(VietnameseText.nfc(text)))}"
        case .order(let ids): "{\"order\":\(array(ids))}"
        case .pairs(let pairs):
            "{\"pairs\":{"
                + pairs.keys.sorted().map { "\(string($0)):\(string(pairs[$0] ?? ""))" }.joined(separator: ",") + "}}"
        }
    }

    static func encode(_ m: MasteryRecord) -> String {
        var o = ObjectWriter()
        o.int("m", m.m)
        o.number("mark", m.mark)
        o.int("n", m.n)
        o.string("rule", m.rule)
        return o.finish()
    }

    static func array(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ",") + "]" }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest UTF-8.
    static func string(_ s: String) -> String {
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

    /// A JSON number: whole values without a fraction (`1`), others in Swift's shortest form.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "0" }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 { return String(Int64(d)) }
        return String(d)
    }

    /// Builds `{"k":v,…}` from fields given in key order.
    struct ObjectWriter {
        private var text: String = {
            // An answer's payload is ~100 bytes: one allocation instead of a few regrowths.
            var text = "{"
            text.reserveCapacity(160)
            return text
        }()
        // A flag, not `text.count > 1`: String.count walks every grapheme, once per field.
        private var empty = true

        mutating func raw(_ key: String, _ value: String?) {
            guard let value else { return }
            if empty {
                empty = false
            } else {
                text += ","
            }
            text += "\""
            text += key
            text += "\":"
            text += value
        }
        mutating func string(_ key: String, _ value: String?) { raw(key, value.map(PayloadJSON.string)) }
        mutating func int(_ key: String, _ value: Int?) { raw(key, value.map { String($0) }) }
        mutating func number(_ key: String, _ value: Double?) { raw(key, value.map(PayloadJSON.number)) }
        mutating func bool(_ key: String, _ value: Bool?) { raw(key, value.map { $0 ? "true" : "false" }) }

        func finish() -> String { text + "}" }
    }
}
