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
        o.raw("response", p.response?.storedJSON)
        o.number("score", p.score)
        o.raw("wrong", p.wrong.map(JSONLiteral.array))
        return o.finish()
    }

    static func encode(_ m: MasteryRecord) -> String {
        var o = ObjectWriter()
        o.int("m", m.m)
        o.number("mark", m.mark)
        o.int("n", m.n)
        o.string("rule", m.rule)
        return o.finish()
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
        mutating func string(_ key: String, _ value: String?) { raw(key, value.map(JSONLiteral.string)) }
        mutating func int(_ key: String, _ value: Int?) { raw(key, value.map { String($0) }) }
        mutating func number(_ key: String, _ value: Double?) { raw(key, value.map { JSONLiteral.number($0) ?? "0" }) }
        mutating func bool(_ key: String, _ value: Bool?) { raw(key, value.map { $0 ? "true" : "false" }) }

        func finish() -> String { text + "}" }
    }
}
