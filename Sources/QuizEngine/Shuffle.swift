import CourseModel

/// Deterministic shuffling: the same seed gives the same order in every process, on every machine.
///
/// Swift's `Hasher` is seeded randomly per process, so it would show a learner a different order
/// after a restart. FNV-1a 64 turns the seed into a number and SplitMix64 draws from it; both are
/// tiny, fixed algorithms, and a test pins their output so a change cannot slip in unnoticed.
public enum Shuffle {
    /// The ids in a deterministic order drawn from `seed` (a Fisher–Yates shuffle).
    public static func order(_ ids: [String], seed: String) -> [String] {
        guard ids.count > 1 else { return ids }
        var generator = SplitMix64(state: fnv1a64(seed))
        var result = ids
        var index = result.count - 1
        while index > 0 {
            // The modulo bias is below 2⁻⁵⁰ for any list a quiz holds: irrelevant for fairness.
            let other = Int(generator.next() % UInt64(index + 1))
            result.swapAt(index, other)
            index -= 1
        }
        return result
    }

    /// The seed for a learner's view of one question in one attempt.
    public static func seed(learnerKey: String, questionId: String, attempt: Int) -> String {
        "\(learnerKey)|\(questionId)|\(attempt)"
    }

    /// FNV-1a, 64-bit, over the UTF-8 bytes of the NFC form of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in VietnameseText.nfc(text).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a small, well-mixed, fully specified generator.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Makes a generator starting from `state`.
    public init(state: UInt64) { self.state = state }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state = state &+ 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
