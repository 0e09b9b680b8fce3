import ArchiveIO
import CourseModel
import Foundation

@testable import Packs

/// A fresh folder per test, removed when the value goes away.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("PacksTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Every path under the folder (recursively, relative), except under `excluding`.
    func listing(excluding: String? = nil) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        var out: [String] = []
        while let item = enumerator?.nextObject() as? String {
            if let excluding, item == excluding || item.hasPrefix(excluding + "/") { continue }
            out.append(item)
        }
        return out.sorted()
    }
}

/// A course with every question kind, Vietnamese text and two pictures, written to a folder.
enum Sample {
    static func course(version: Int = 1, id: String = "nhan-dien-lua-dao") -> Course {
        let text: (String) -> [Inline] = { [.text($0)] }
        let para: (String) -> [Block] = { [.paragraph([.text($0)])] }
        let questions: [Question] = [
            Question(
                id: "otp-1", prompt: text("Có nên đọc mã OTP cho người lạ qua điện thoại không?"),
                answer: .singleChoice([
                    ChoiceOption(id: "co", content: text("Có"), isCorrect: false, feedback: para("Không bao giờ!")),
                    ChoiceOption(id: "khong", content: text("Không"), isCorrect: true),
                ]), hints: [para("Ngân hàng không bao giờ hỏi mã OTP.")], explanation: para("OTP là mật khẩu một lần.")),
            Question(
                id: "tin-nhan-1", prompt: text("Tin nhắn trúng thưởng là lừa đảo."),
                answer: .trueFalse([
                    ChoiceOption(id: "dung", content: text("Đúng"), isCorrect: true),
                    ChoiceOption(id: "sai", content: text("Sai"), isCorrect: false),
                ])),
            Question(
                id: "dau-hieu", prompt: text("Chọn các dấu hiệu lừa đảo"), points: 2,
                answer: .multipleAnswer(
                    [
                        ChoiceOption(id: "gap", content: text("Giục chuyển tiền gấp"), isCorrect: true),
                        ChoiceOption(id: "link", content: text("Gửi đường link lạ"), isCorrect: true),
                        ChoiceOption(id: "chao", content: text("Chào hỏi lịch sự"), isCorrect: false),
                    ], scoring: .partial)),
            Question(
                id: "tong-dai", prompt: text("Số tổng đài báo cáo lừa đảo?"),
                answer: .shortAnswer(
                    ShortAnswerKey(
                        accepted: [.text("156"), .regex("^1 ?5 ?6$")],
                        anticipated: [AnticipatedAnswer(pattern: .text("113"), feedback: para("113 là số công an."))],
                        rule: .standard))),
            Question(
                id: "lai-suat", prompt: text("Lãi suất 2,5% của 1000 đồng là bao nhiêu?"),
                answer: .numeric(NumericKey(accepted: [NumericRange(lower: 24.9, upper: 25.1, display: "25 ± 0,1")]))),
            Question(
                id: "thu-tu", prompt: text("Sắp xếp các bước"),
                answer: .ordering([
                    AnswerItem(id: "mo", content: text("Mở ứng dụng VNeID")),
                    AnswerItem(id: "dang-nhap", content: text("Đăng nhập")),
                ])),
            Question(
                id: "ghep", prompt: text("Ghép đôi"),
                answer: .matching(
                    MatchingKey(
                        pairs: [
                            MatchPair(
                                left: AnswerItem(id: "otp", content: text("OTP")),
                                right: AnswerItem(id: "ma", content: text("Mã một lần")))
                        ],
                        distractors: [AnswerItem(id: "the", content: text("Thẻ cào"))]))),
        ]
        let lessons = [
            Lesson(
                id: "nhan-biet", title: "Nhận biết cuộc gọi lừa đảo", durationMinutes: 15,
                steps: [
                    Step(
                        id: "gioi-thieu", title: "Giới thiệu",
                        blocks: [
                            .paragraph([
                                .text("Kẻ gian "), .strong([.text("giả danh")]), .text(" công an."),
                                .image(source: "images/ảnh-cuộc-gọi.png", alt: "Cuộc gọi"),
                            ]),
                            .callout(.warning, para("Không chuyển tiền!")),
                        ]),
                    Step(
                        id: "vi-du", title: "Ví dụ",
                        blocks: [.list(start: nil, items: [ListItem(blocks: para("Tin nhắn lạ"))])]),
                ],
                quiz: Quiz(title: "Kiểm tra", questions: Array(questions.prefix(4)), mastery: .passMark(0.8))),
            Lesson(
                id: "kiem-tra-cuoi", title: "Bài kiểm tra cuối", isFinal: true, steps: [],
                quiz: Quiz(title: "Cuối khoá", questions: Array(questions.dropFirst(4)), mastery: .recent(m: 2, n: 3))),
        ]
        return Course(
            id: id, version: version, title: "Nhận diện lừa đảo qua điện thoại",
            titleEnglish: "Recognising phone scams",
            language: "vi", description: "Học cách nhận biết và phòng tránh lừa đảo.", audience: ["người cao tuổi"],
            digcompAreas: [.safety], tags: ["an-toan"], lessons: lessons,
            assets: ["images/ảnh-cuộc-gọi.png", "images/logo.png"])
    }

    /// Writes the course's assets into a new course folder and returns it.
    static func folder(in scratch: Scratch, name: String = "course") throws -> URL {
        let folder = scratch.path(name)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        try Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(
            to: folder.appendingPathComponent("images/ảnh-cuộc-gọi.png"))
        try Data("PNG logo".utf8).write(to: folder.appendingPathComponent("images/logo.png"))
        return folder
    }

    /// Builds a pack of `course` into `scratch/packs` (each call a fresh sub-folder when `fresh`).
    static func pack(
        _ course: Course = course(), in scratch: Scratch, key: SigningKey? = nil, into sub: String = "packs"
    ) throws -> URL {
        let folder = try Sample.folder(in: scratch, name: "src-\(course.id)-\(course.version)")
        return try PackBuilder(compressionLevel: 3).build(
            course: course, courseFolder: folder, into: scratch.path(sub), signingKey: key)
    }
}

/// A pack's entries in memory, to alter and write back as a (possibly malicious) archive.
struct RawPack {
    var entries: [(header: ArchiveEntry, data: Data)]

    init(entries: [(header: ArchiveEntry, data: Data)]) { self.entries = entries }

    /// Reads every entry of the archive at `url`.
    init(reading url: URL) throws {
        let reader = try ArchiveReader(path: url.path)
        var entries: [(header: ArchiveEntry, data: Data)] = []
        while let entry = try reader.nextEntry() {
            entries.append((entry, try reader.readAll(limit: 1 << 26)))
        }
        self.entries = entries
    }

    /// Appends a regular file.
    mutating func add(_ path: String, _ data: Data) {
        entries.append((ArchiveEntry(path: path, size: Int64(data.count)), data))
    }

    /// The entry at `path`'s data.
    func data(_ path: String) -> Data? { entries.first { $0.header.path == path }?.data }

    /// Replaces the data of `path`, keeping the header but fixing its size.
    mutating func replace(_ path: String, with data: Data) {
        guard let index = entries.firstIndex(where: { $0.header.path == path }) else { return }
        entries[index].header.size = Int64(data.count)
        entries[index].data = data
    }

    /// Edits the manifest (re-encoded the way packs encode it).
    mutating func editManifest(_ body: (inout PackManifest) -> Void) throws {
        guard let data = data(PackFormat.manifestPath) else { return }
        var manifest = try PackJSON.decode(PackManifest.self, from: data)
        body(&manifest)
        replace(PackFormat.manifestPath, with: try PackJSON.encode(manifest))
    }

    /// Writes the entries as tar + zstd (or plain tar).
    func write(to url: URL, compressed: Bool = true) throws {
        let writer = try ArchiveWriter(path: url.path, compression: compressed ? .zstd(level: 1) : .none)
        for (header, data) in entries {
            try writer.beginEntry(header)
            if header.type == .regular { try writer.write(data) }
            try writer.finishEntry()
        }
        try writer.close()
    }
}

extension PackError {
    /// Whether the error is a refusal sentence naming the pack.
    var isOneSentence: Bool { !description.contains("\n") && !description.isEmpty }
}
