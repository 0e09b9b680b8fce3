import CourseModel

// Outlines are stored as JSON on both hub backends and travel inside signed roll-ups, whose
// signature the national hub checks over the roll-up re-encoded after decoding. So the domains
// are read with a default (outlines stored or signed before they existed still read) and left
// out when empty (such an outline re-encodes to the very bytes its province signed).
extension CourseOutline {
    enum CodingKeys: String, CodingKey {
        case id, version, title, titleEnglish, lessons, domains
    }

    /// Reads an outline; one without `domains` (stored before) serves none, and a domain number
    /// this version does not know is skipped rather than losing the whole outline.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        version = try c.decode(Int.self, forKey: .version)
        title = try c.decode(String.self, forKey: .title)
        titleEnglish = try c.decodeIfPresent(String.self, forKey: .titleEnglish)
        lessons = try c.decode([Lesson].self, forKey: .lessons)
        let numbers = try c.decodeIfPresent([Int].self, forKey: .domains) ?? []
        domains = numbers.compactMap(CompetenceDomain.init(rawValue:))
    }

    /// Writes an outline, leaving out an absent English title and an empty list of domains.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(version, forKey: .version)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(titleEnglish, forKey: .titleEnglish)
        try c.encode(lessons, forKey: .lessons)
        if !domains.isEmpty { try c.encode(domains.map(\.rawValue), forKey: .domains) }
    }
}
