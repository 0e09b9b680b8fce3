import ArgumentParser
import Foundation
import ProgressStore
import QuizEngine

/// `hocso center …`: the centre operator's tools over the centre database.
struct CenterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "center",
        abstract: "Quản lý trung tâm: người học, kiểm tra cơ sở dữ liệu. Run the centre: learners, database checks.",
        subcommands: [Learners.self, Doctor.self, Demo.self, CenterInitCommand.self, BenchRecord.self])

    /// Options every centre command takes.
    struct Common: ParsableArguments {
        @Option(
            name: .long,
            help:
                "Cơ sở dữ liệu trung tâm (mặc định: $HOCSO_DB hoặc thư mục dữ liệu). The centre database (default: $HOCSO_DB or the data folder)."
        )
        var db: String?

        @Option(name: .long, help: "Ngôn ngữ: vi hoặc en. Language: vi or en.")
        var lang: String = "vi"

        func validate() throws {
            guard ["vi", "en"].contains(lang) else {
                throw ValidationError("--lang phải là vi hoặc en. --lang must be vi or en.")
            }
        }

        var text: CenterText { CenterText(english: lang == "en") }

        /// Opens the store; errors are worded for the operator.
        func open() throws -> CentreStore {
            try text.translating {
                try CentreStore(path: db.map { URL(fileURLWithPath: $0) } ?? CentreStore.defaultPath)
            }
        }
    }

    /// `hocso center learners …`.
    struct Learners: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "learners",
            abstract: "Đăng ký và liệt kê người học. Register and list learners.",
            subcommands: [Add.self, Import.self, List.self])
    }

    /// `hocso center learners add --code --name --birth-year --gender --commune [--pin]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Đăng ký một người học. Register one learner.")

        @OptionGroup var common: Common
        @Option(
            help:
                "Mã người học, 3–8 chữ cái/chữ số (bỏ trống để gợi ý từ tên). Learner code, 3–8 letters/digits (omit to suggest one)."
        )
        var code: String?
        @Option(help: "Họ và tên. Full name.") var name: String
        @Option(name: .customLong("birth-year"), help: "Năm sinh. Birth year.") var birthYear: Int
        @Option(help: "Giới tính: nu, nam, khac. Gender: nu, nam, khac.") var gender: String?
        @Option(help: "Xã/phường. Commune.") var commune: String
        @Option(help: "Mã PIN 4–6 chữ số (tuỳ chọn). Optional 4–6 digit PIN.") var pin: String?

        func validate() throws {
            if let gender, Gender(reading: gender) == nil {
                throw ValidationError("--gender phải là nu, nam hoặc khac. --gender must be nu, nam or khac.")
            }
        }

        func run() throws {
            try reportingFailures {
                let store = try common.open()
                let learner = try common.text.translating {
                    try store.addLearner(
                        NewLearner(
                            code: code, displayName: name, birthYear: birthYear,
                            gender: gender.flatMap(Gender.init(reading:)),
                            commune: commune, pin: pin))
                }
                print(common.text.registered(learner))
            }
        }
    }

    /// `hocso center learners import FILE.csv`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract:
                "Nhập danh sách người học từ tệp CSV (ma,ho_ten,nam_sinh,gioi_tinh,xa,pin). Import learners from CSV.")

        @OptionGroup var common: Common
        @Argument(help: "Tệp CSV, UTF-8. The CSV file, UTF-8.") var file: String

        func run() throws {
            let text = common.text
            let report = try reportingFailures {
                let store = try common.open()
                let data = try text.translating {
                    do { return try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                        throw Failure(text.cannotRead(file))
                    }
                }
                return try text.translating { try store.importLearners(csv: data) }
            }
            for learner in report.imported { print(text.registered(learner)) }
            print(text.importSummary(imported: report.imported.count, rejected: report.problems.count))
            for problem in report.problems {
                Console.error("\(file):\(problem.line): error: \(text.rowProblem(problem))")
            }
            if !report.problems.isEmpty { throw ExitCode.failure }
        }
    }

    /// `hocso center learners list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Liệt kê người học. List learners.")

        @OptionGroup var common: Common
        @Flag(help: "In dạng JSON. Print JSON.") var json = false

        func run() throws {
            try reportingFailures {
                let learners = try common.text.translating { try common.open().learners() }
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    print(String(decoding: try encoder.encode(learners), as: UTF8.self))
                    return
                }
                print(common.text.listHeader)
                for l in learners {
                    print(
                        [
                            l.code, l.displayName, String(l.birthYear), l.gender?.rawValue ?? "-", l.commune,
                            l.hasPIN ? "PIN" : "-",
                        ]
                        .joined(separator: "\t"))
                }
                print(common.text.listCount(learners.count))
            }
        }
    }

    /// `hocso center doctor [--repair]`.
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "doctor",
            abstract:
                "Kiểm tra cơ sở dữ liệu và tiến độ tính từ nhật ký; --repair để dựng lại. Check the database; --repair rebuilds progress."
        )

        @OptionGroup var common: Common
        @Flag(help: "Dựng lại tiến độ từ nhật ký khi có sai khác. Rebuild progress from the log when it differs.")
        var repair = false

        func run() throws {
            let text = common.text
            let report = try reportingFailures { try text.translating { try common.open().doctor(repair: repair) } }
            for line in text.doctor(report) { print(line) }
            if !report.isHealthy { throw ExitCode.failure }
        }
    }

    /// `hocso center demo`: makes the demo learner `DEMO` for a first try.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo", abstract: "Tạo người học thử DEMO. Make the demo learner DEMO.")

        @OptionGroup var common: Common

        func run() throws {
            try reportingFailures {
                let learner = try common.text.translating { try common.open().ensureDemoLearner() }
                print(common.text.registered(learner))
            }
        }
    }

    /// `hocso center bench-record --db PATH --count N [--start I]` (hidden): the engine side of
    /// `tools/bench-answers`. Records answers `start ..< start + count`, one transaction each,
    /// and prints the time taken; run again with a later `--start` to continue the same database.
    struct BenchRecord: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-record", abstract: "Benchmark: record answers, one transaction each.",
            shouldDisplay: false)

        @Option(help: "The benchmark database.") var db: String
        @Option(help: "How many answers.") var count = 100_000
        @Option(help: "Index of the first answer.") var start = 0

        func run() throws {
            try reportingFailures {
                let store = try CentreStore(path: URL(fileURLWithPath: db))
                if try store.learner(code: "BENCH1") == nil {
                    try store.addLearner(
                        NewLearner(code: "BENCH1", displayName: "Bench", birthYear: 1990, commune: "Bench"))
                }
                // The answers are made before the clock starts, as the baseline reads its rows
                // before its clock starts: both time the recording alone.
                let events = (start..<(start + count)).map { i in
                    let right = i % 3 != 0
                    let answer = RecordedAnswer(
                        questionId: "cau-\(i % 8 + 1)", response: .choice(right ? "dung" : "sai"), correct: right,
                        score: right ? 1 : 0, maxScore: 1, hintsUsed: i % 2, elapsedMs: 4_000 + i % 997)
                    return NewEvent.answerSubmitted(
                        learner: "BENCH1", course: "an-toan-tren-mang", version: 3, lesson: "bai-\(i / 8 % 5 + 1)",
                        attempt: i / 40 + 1, answer: answer, at: 1_772_323_200_000 + Int64(i))
                }
                let clock = ContinuousClock()
                let began = clock.now
                for event in events {
                    try store.record(event)
                }
                let elapsed = clock.now - began
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                print("engine answers=\(count) seconds=\(String(format: "%.3f", seconds))")
            }
        }
    }
}

/// Every operator-facing string of `hocso center`, Vietnamese first, English with `--lang en`.
struct CenterText {
    let english: Bool

    private func t(_ vi: String, _ en: String) -> String { english ? en : vi }

    func registered(_ l: Learner) -> String {
        t(
            "Đã đăng ký: \(l.code) — \(l.displayName), \(l.birthYear), \(l.commune)",
            "Registered: \(l.code) — \(l.displayName), \(l.birthYear), \(l.commune)")
    }

    func importSummary(imported: Int, rejected: Int) -> String {
        rejected == 0
            ? t("Đã nhập \(imported) người học.", "Imported \(imported) learners.")
            : t(
                "Đã nhập \(imported) người học; \(rejected) dòng bị bỏ qua (xem bên dưới).",
                "Imported \(imported) learners; \(rejected) rows skipped (see below).")
    }

    func cannotRead(_ file: String) -> String { t("không đọc được tệp '\(file)'", "cannot read '\(file)'") }

    var listHeader: String { t("Mã\tHọ tên\tNăm sinh\tGiới tính\tXã\tPIN", "Code\tName\tBorn\tGender\tCommune\tPIN") }

    func listCount(_ n: Int) -> String { t("\(n) người học.", "\(n) learners.") }

    func field(_ name: String?) -> String {
        switch name {
        case "code": t("mã", "code")
        case "name": t("họ tên", "name")
        case "birth_year": t("năm sinh", "birth year")
        case "gender": t("giới tính", "gender")
        case "commune": t("xã", "commune")
        case "pin": t("PIN", "PIN")
        case let other?: other
        case nil: ""
        }
    }

    /// A store error in the operator's language.
    func describe(_ e: ProgressStoreError) -> String {
        switch (e.kind, e.field) {
        case (.invalidLearner, "code"):
            t("mã phải gồm 3–8 chữ cái hoặc chữ số (A–Z, 0–9)", "the code must be 3–8 letters or digits (A–Z, 0–9)")
        case (.invalidLearner, "name"): t("họ tên phải có từ 1 đến 100 ký tự", "the name must be 1–100 characters")
        case (.invalidLearner, "birth_year"):
            t(
                "năm sinh phải là một năm từ 1900 đến nay, ví dụ 1975",
                "the birth year must be a year from 1900 to now, e.g. 1975")
        case (.invalidLearner, "gender"):
            t("giới tính phải là nu, nam hoặc khac (hoặc để trống)", "gender must be nu, nam or khac (or empty)")
        case (.invalidLearner, "commune"): t("xã phải có từ 1 đến 100 ký tự", "the commune must be 1–100 characters")
        case (.invalidLearner, "pin"): t("PIN phải gồm 4–6 chữ số", "the PIN must be 4–6 digits")
        case (.duplicateCode, _):
            t(
                "mã này đã được đăng ký ở trung tâm; chọn mã khác hoặc bỏ trống để hệ thống gợi ý",
                "this code is already registered here; choose another or leave it empty for a suggestion")
        case (.unknownLearner, _): t("không có người học với mã này", "no learner has this code")
        case (.invalidCSV, _): t("tệp CSV không đọc được: \(e.message)", "the CSV file cannot be read: \(e.message)")
        case (.cannotOpen, _):
            t("không mở được cơ sở dữ liệu trung tâm: \(e.message)", "cannot open the centre database: \(e.message)")
        case (.corrupt, _):
            t(
                "cơ sở dữ liệu bị hỏng: \(e.message); chạy 'hocso center doctor'",
                "the database is damaged: \(e.message); run 'hocso center doctor'")
        case (.storage, _): t("lỗi cơ sở dữ liệu: \(e.message)", "database failure: \(e.message)")
        default: "\(field(e.field)): \(e.message)"
        }
    }

    func rowProblem(_ p: LearnerImport.RowProblem) -> String {
        describe(ProgressStoreError(p.kind, field: p.field, p.message))
    }

    /// Runs `body`, rewording store errors for the operator.
    func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ProgressStoreError {
            throw Failure(describe(error))
        }
    }

    func doctor(_ r: DoctorReport) -> [String] {
        var lines: [String] = []
        lines.append(
            r.integrity == ["ok"]
                ? t("Toàn vẹn SQLite: tốt", "SQLite integrity: ok")
                : t("Toàn vẹn SQLite: LỖI", "SQLite integrity: FAILED") + "\n  "
                    + r.integrity.prefix(20).joined(separator: "\n  "))
        lines.append(
            r.foreignKeyViolations == 0
                ? t("Khoá ngoại: tốt", "Foreign keys: ok")
                : t(
                    "Khoá ngoại: \(r.foreignKeyViolations) vi phạm",
                    "Foreign keys: \(r.foreignKeyViolations) violations"))
        lines.append(
            t("Sự kiện: \(r.eventCount)", "Events: \(r.eventCount)")
                + (r.sequenceIsGapFree
                    ? t(", số thứ tự liền mạch", ", sequence without gaps")
                    : t(", số thứ tự CÓ CHỖ HỔNG", ", sequence HAS GAPS")))
        if r.differences.isEmpty {
            lines.append(t("Tiến độ khớp với nhật ký.", "Progress matches the log."))
        } else {
            for d in r.differences {
                lines.append(
                    t(
                        "Bảng \(d.table): \(d.unexpectedRows) dòng sai/thừa, \(d.missingRows) dòng thiếu so với nhật ký",
                        "Table \(d.table): \(d.unexpectedRows) wrong/extra rows, \(d.missingRows) missing rows against the log"
                    ))
            }
            lines.append(
                r.repaired
                    ? t("Đã dựng lại tiến độ từ nhật ký.", "Progress was rebuilt from the log.")
                    : t(
                        "Chạy 'hocso center doctor --repair' để dựng lại tiến độ từ nhật ký.",
                        "Run 'hocso center doctor --repair' to rebuild progress from the log."))
        }
        return lines
    }
}
