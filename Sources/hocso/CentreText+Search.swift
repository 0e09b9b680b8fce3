import Localization

/// What `hocso center doctor` says about the lesson-search index.
extension CentreText {
    static func searchIndexCurrent(_ courses: Int) -> Phrase {
        Phrase(
            vi: "Chỉ mục tìm bài học: đủ \(courses) khoá học đã cài.",
            en: "Lesson search index: all \(courses) installed courses are in it.")
    }
    static func searchIndexStale(stale: Int, gone: Int) -> Phrase {
        Phrase(
            vi:
                "Chỉ mục tìm bài học: \(stale) khoá học chưa có hoặc đã cũ, \(gone) khoá học đã gỡ vẫn còn. Chương trình học tự cập nhật khi tìm; chạy 'hocso center doctor --repair' để dựng lại ngay.",
            en:
                "Lesson search index: \(stale) courses missing or out of date, \(gone) removed courses still in it. The client updates it when searching; run 'hocso center doctor --repair' to rebuild it now."
        )
    }
    static func searchIndexRebuilt(_ courses: Int) -> Phrase {
        Phrase(
            vi: "Đã dựng lại chỉ mục tìm bài học: \(courses) khoá học.",
            en: "Rebuilt the lesson search index: \(courses) courses.")
    }
}
