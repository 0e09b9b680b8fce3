/// The centre's node id: `n-` + 16 lower-case base32 characters (80 random bits), made once.
public enum NodeId {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

    /// A new random node id.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return "n-" + String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(32)))] })
    }

    /// Whether `id` has the node id form.
    public static func isValid(_ id: String) -> Bool {
        guard id.hasPrefix("n-"), id.count == 18 else { return false }
        return id.dropFirst(2).allSatisfy { alphabet.contains($0) }
    }
}
