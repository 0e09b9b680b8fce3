/// The form of a learner's code: 3–8 ASCII capital letters or digits (`LAN24`), unique in a centre.
public enum LearnerCode {
    /// Every centre's demo learner ("Người học thử", made by `hocso center demo`): its activity
    /// is synced like any other (seq numbers stay gap-free) but never counted in reports.
    public static let demo = "DEMO"

    /// Whether `code` has the learner code form.
    public static func isValid(_ code: String) -> Bool {
        (3...8).contains(code.utf8.count)
            && code.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (48...57).contains($0) }
    }
}
