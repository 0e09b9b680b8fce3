import Localization

/// Every sentence the search library says, in Vietnamese and English.
enum SearchText {
    /// The index, as failures name it.
    static let database = Phrase(vi: "chỉ mục tìm kiếm bài học", en: "the lesson search index")
}

/// A failure of the search index, worded.
public struct SearchIndexError: PhrasedError, Equatable {
    /// What happened and what to do.
    public var phrase: Phrase
}
